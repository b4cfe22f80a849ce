package com.tandem.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a test class or method that needs the MySQL-protocol server of {@link MySqlTestServer}.
 * Without one answering it is skipped with the reason, so a laptop without MySQL still builds;
 * under {@code CI=true} it always runs and fails if the server is missing, so that CI never passes
 * by skipping. Tagged {@code mysql} for {@code -Dgroups=mysql} / {@code -DexcludedGroups=mysql}.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Tag("mysql")
@ExtendWith(MySqlAvailable.class)
public @interface RequiresMySql {}
