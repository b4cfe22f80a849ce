package com.tandem.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BoundedTextTest {

  @Test
  void shouldEndALongListWithHowManyMoreThereAre() {
    List<String> tools =
        IntStream.range(0, 200)
            .mapToObj(i -> "• Tool %03d ".formatted(i) + "x".repeat(190))
            .toList();
    String text = BoundedText.list(tools, "\n", 4000, n -> "… and " + n + " more");
    assertThat(text).hasSizeLessThanOrEqualTo(4000).startsWith("• Tool 000");
    long shown = text.lines().filter(line -> line.startsWith("• ")).count();
    assertThat(text).endsWith("… and " + (200 - shown) + " more");
    assertThat(shown).isGreaterThan(15);
  }

  @Test
  void shouldKeepAShortListWhole() {
    assertThat(BoundedText.list(List.of("a", "b"), ", ", 4000, n -> "more")).isEqualTo("a, b");
  }

  @Test
  void shouldShareTheRoomBetweenLongCommentsAndKeepShortOnesWhole() {
    String shortOne = "• Marketing review: APPROVE";
    String longOne = "• IT review: APPROVE — " + "a".repeat(4000);
    String longTwo = "• Privacy review: APPROVE — " + "b".repeat(4000);
    String text = BoundedText.shared(List.of(shortOne, longOne, longTwo), "\n", 4000);
    assertThat(text).hasSizeLessThanOrEqualTo(4000);
    List<String> lines = text.lines().toList();
    assertThat(lines.get(0)).isEqualTo(shortOne);
    assertThat(lines.get(1)).startsWith("• IT review").endsWith("…").hasSizeGreaterThan(1900);
    assertThat(lines.get(2)).startsWith("• Privacy review").endsWith("…").hasSizeGreaterThan(1900);
  }

  @Test
  void shouldCutAtAWordAndNeverSplitACharacter() {
    String words = "word ".repeat(1000);
    assertThat(BoundedText.cut(words, 4000)).hasSizeLessThanOrEqualTo(4000).endsWith("word…");
    String emoji = "😀".repeat(2500);
    String cut = BoundedText.cut(emoji, 4000);
    assertThat(cut).hasSizeLessThanOrEqualTo(4000).endsWith("😀…");
    assertThat(BoundedText.fit("short")).isEqualTo("short");
  }
}
