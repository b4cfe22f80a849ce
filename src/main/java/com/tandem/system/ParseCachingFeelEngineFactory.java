package com.tandem.system;

import camundajar.impl.scala.util.Either;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.FeelEngineFactory;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.function.CustomFunctionTransformer;
import org.camunda.bpm.dmn.feel.impl.scala.function.FeelCustomFunctionProvider;
import org.camunda.feel.FeelEngine.Configuration;
import org.camunda.feel.FeelEngine.Failure;
import org.camunda.feel.syntaxtree.ParsedExpression;
import org.camunda.feel.valuemapper.ValueMapper.CompositeValueMapper;

/**
 * Camunda's FEEL engine for DMN, with each expression parsed once. The stock engine parses the text
 * of every input expression, input entry and output entry on every evaluation; parsing was most of
 * the routing decision's cost (docs/benchmark.md). A decision's expressions are a small, fixed set
 * (the deployed DMN files), so their parse trees, which are immutable, are kept. The evaluation
 * itself, the value mapping and custom functions are Camunda's own, unchanged.
 */
public class ParseCachingFeelEngineFactory implements FeelEngineFactory {

  /**
   * More distinct expressions than any set of decision tables has; beyond it, texts are parsed each
   * time.
   */
  static final int MAX_CACHED_EXPRESSIONS = 10_000;

  private final Supplier<List<FeelCustomFunctionProvider>> functionProviders;

  /**
   * @param functionProviders read when the engine is created, after the DMN engine configuration
   *     has them
   */
  public ParseCachingFeelEngineFactory(
      Supplier<List<FeelCustomFunctionProvider>> functionProviders) {
    this.functionProviders = functionProviders;
  }

  @Override
  public FeelEngine createInstance() {
    List<FeelCustomFunctionProvider> providers = functionProviders.get();
    return new ScalaFeelEngine(providers == null ? List.of() : providers) {
      @Override
      protected org.camunda.feel.FeelEngine buildFeelEngine(
          CustomFunctionTransformer functions, CompositeValueMapper valueMapper) {
        // As ScalaFeelEngine's own builder does: its functions and value mappers, no external
        // functions.
        return new ParseCachingEngine(functions, valueMapper);
      }
    };
  }

  static final class ParseCachingEngine extends org.camunda.feel.FeelEngine {

    private final Map<String, Either<Failure, ParsedExpression>> expressions =
        new ConcurrentHashMap<>();
    private final Map<String, Either<Failure, ParsedExpression>> unaryTests =
        new ConcurrentHashMap<>();

    ParseCachingEngine(CustomFunctionTransformer functions, CompositeValueMapper valueMapper) {
      super(
          functions,
          valueMapper,
          new Configuration(false),
          org.camunda.feel.FeelEngine.defaultClock());
    }

    @Override
    public Either<Failure, ParsedExpression> parseExpression(String expression) {
      return cached(expressions, expression, super::parseExpression);
    }

    @Override
    public Either<Failure, ParsedExpression> parseUnaryTests(String expression) {
      return cached(unaryTests, expression, super::parseUnaryTests);
    }

    int cachedCount() {
      return expressions.size() + unaryTests.size();
    }

    private static Either<Failure, ParsedExpression> cached(
        Map<String, Either<Failure, ParsedExpression>> cache,
        String text,
        Function<String, Either<Failure, ParsedExpression>> parse) {
      Either<Failure, ParsedExpression> known = cache.get(text);
      if (known != null) {
        return known;
      }
      Either<Failure, ParsedExpression> parsed = parse.apply(text);
      // A failure is not kept: its message is built for each evaluation, as the stock engine does.
      if (parsed.isRight() && cache.size() < MAX_CACHED_EXPRESSIONS) {
        cache.put(text, parsed);
      }
      return parsed;
    }
  }
}
