package com.tandem.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import jakarta.validation.Validator;
import java.time.Clock;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.web.servlet.MultipartProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Wiring of Tandem's REST API under {@code /api}: authentication, the body size limit and strict
 * JSON for request bodies marked {@link StrictJson}.
 *
 * <p>Strictness is confined to those bodies on purpose: the application's shared ObjectMapper
 * (actuator, springdoc, responses) keeps Spring Boot's defaults, and Camunda's REST API and webapps
 * use their own Jackson configuration through their JAX-RS providers anyway.
 */
@Configuration(proxyBeanMethods = false)
public class ApiWebConfig implements WebMvcConfigurer {

  /** Deeper than any intake needs (it has one level of arrays); deeper input is an attack. */
  static final int MAX_NESTING_DEPTH = 16;

  /**
   * Characters of one number (Jackson's default): longer ones are refused unread; shorter absurd
   * ones are parsed, cheaply, and refused by validation with the field named.
   */
  static final int MAX_NUMBER_LENGTH = 1000;

  private final Jackson2ObjectMapperBuilder jacksonBuilder;
  private final ApiProperties properties;
  private final ObjectProvider<Validator> validator;
  private final int maxBodyBytes;

  public ApiWebConfig(
      Jackson2ObjectMapperBuilder jacksonBuilder,
      ApiProperties properties,
      ObjectProvider<Validator> validator) {
    this.jacksonBuilder = jacksonBuilder;
    this.validator = validator;
    this.properties = properties;
    this.maxBodyBytes = properties.maxBodyBytes();
  }

  @Bean
  FilterRegistrationBean<ApiAuthenticationFilter> apiAuthenticationFilter(
      IdentityService identityService, ObjectMapper objectMapper, Clock clock) {
    var registration =
        new FilterRegistrationBean<>(
            new ApiAuthenticationFilter(
                identityService, objectMapper, properties.authCacheTtl(), clock));
    registration.setName("tandem-api-auth");
    registration.addUrlPatterns("/api/*");
    registration.setOrder(20);
    return registration;
  }

  @Bean
  FilterRegistrationBean<RequestBodyLimitFilter> apiBodyLimitFilter(
      ObjectMapper objectMapper, ObjectProvider<MultipartProperties> multipart) {
    // uploads (discovery exports) are limited by spring.servlet.multipart.max-request-size
    MultipartProperties uploads = multipart.getIfAvailable(MultipartProperties::new);
    long maxUploadBytes =
        uploads.getMaxRequestSize().toBytes() < 0
            ? Long.MAX_VALUE
            : uploads.getMaxRequestSize().toBytes();
    var registration =
        new FilterRegistrationBean<>(
            new RequestBodyLimitFilter(objectMapper, maxBodyBytes, maxUploadBytes));
    registration.setName("tandem-api-body-limit");
    registration.addUrlPatterns("/api/*");
    registration.setOrder(21);
    return registration;
  }

  @Override
  public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
    converters.add(0, strictJsonConverter());
  }

  /** Reads {@link StrictJson} bodies only; every other type goes to the usual converters. */
  MappingJackson2HttpMessageConverter strictJsonConverter() {
    return new StrictJsonConverter(strictObjectMapper(), validator::getObject);
  }

  /** Boot's mapper (modules, dates) made strict for reading. */
  ObjectMapper strictObjectMapper() {
    ObjectMapper mapper = jacksonBuilder.build();
    mapper
        .getFactory()
        .setStreamReadConstraints(
            StreamReadConstraints.builder()
                .maxNestingDepth(MAX_NESTING_DEPTH)
                .maxNumberLength(MAX_NUMBER_LENGTH)
                .maxStringLength(maxBodyBytes)
                .maxNameLength(256)
                .maxDocumentLength(maxBodyBytes)
                .build());
    mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    mapper.enable(
        DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
        DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
        DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS,
        DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
        DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY,
        DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    mapper.disable(
        DeserializationFeature.ACCEPT_FLOAT_AS_INT,
        DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY,
        DeserializationFeature.UNWRAP_SINGLE_VALUE_ARRAYS,
        DeserializationFeature.ACCEPT_EMPTY_STRING_AS_NULL_OBJECT,
        DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_AS_NULL);
    // No guessing between types: "12" is not a number, 12 is not text, 1 is not true.
    mapper
        .coercionConfigDefaults()
        .setAcceptBlankAsEmpty(false)
        .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.EmptyArray, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.EmptyObject, CoercionAction.Fail);
    // ...but text is text, enums are written as text, and dates as "yyyy-MM-dd" text.
    mapper
        .coercionConfigFor(LogicalType.Textual)
        .setCoercion(CoercionInputShape.String, CoercionAction.TryConvert);
    mapper
        .coercionConfigFor(LogicalType.Enum)
        .setCoercion(CoercionInputShape.String, CoercionAction.TryConvert);
    mapper
        .coercionConfigFor(LogicalType.Textual)
        .setCoercion(CoercionInputShape.EmptyString, CoercionAction.TryConvert);
    mapper
        .coercionConfigFor(LogicalType.Enum)
        .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
    mapper
        .coercionConfigFor(LogicalType.Integer)
        .setCoercion(CoercionInputShape.Integer, CoercionAction.TryConvert);
    mapper
        .coercionConfigFor(LogicalType.Float)
        .setCoercion(CoercionInputShape.Float, CoercionAction.TryConvert);
    mapper
        .coercionConfigFor(LogicalType.Float)
        .setCoercion(CoercionInputShape.Integer, CoercionAction.TryConvert);
    mapper
        .coercionConfigFor(LogicalType.Boolean)
        .setCoercion(CoercionInputShape.Boolean, CoercionAction.TryConvert);
    mapper
        .coercionConfigFor(LogicalType.Collection)
        .setCoercion(CoercionInputShape.EmptyArray, CoercionAction.TryConvert);
    return mapper;
  }
}
