package com.tandem.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a test that drives Debian's {@code chromium} through {@code chromium-driver}. Without them
 * it is skipped with the reason, so a laptop without a browser still builds; under {@code CI=true}
 * it always runs and fails if they are missing, so CI never passes by skipping. Tagged {@code
 * browser} for {@code -Dgroups=browser} / {@code -DexcludedGroups=browser}.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Tag("browser")
@ExtendWith(ChromiumAvailable.class)
public @interface RequiresChromium {}
