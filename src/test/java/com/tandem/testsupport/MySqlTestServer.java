package com.tandem.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The MySQL-protocol server tests run against (MySQL 8.0 or MariaDB), as the environment configures
 * it: {@code TANDEM_TEST_MYSQL_HOST} (default 127.0.0.1), {@code TANDEM_TEST_MYSQL_PORT} (3306),
 * {@code TANDEM_TEST_MYSQL_USER} (root) and {@code TANDEM_TEST_MYSQL_PASSWORD} (empty). The user
 * must be allowed to create and drop databases: every test works in a scratch database of its own,
 * so tests never see each other's data nor a developer's.
 */
public record MySqlTestServer(String host, int port, String user, String password) {

  /** The server the environment names. */
  public static MySqlTestServer fromEnvironment() {
    return fromEnvironment(System.getenv());
  }

  static MySqlTestServer fromEnvironment(Map<String, String> env) {
    return new MySqlTestServer(
        env.getOrDefault("TANDEM_TEST_MYSQL_HOST", "127.0.0.1"),
        Integer.parseInt(env.getOrDefault("TANDEM_TEST_MYSQL_PORT", "3306")),
        env.getOrDefault("TANDEM_TEST_MYSQL_USER", "root"),
        env.getOrDefault("TANDEM_TEST_MYSQL_PASSWORD", ""));
  }

  /**
   * Whether a MySQL-protocol server answers: it greets every new connection with a handshake packet
   * whose first payload byte is protocol version 10. Says nothing about credentials, so a wrong
   * password fails the tests instead of skipping them.
   */
  public boolean answers() {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), 2_000);
      socket.setSoTimeout(2_000);
      InputStream in = socket.getInputStream();
      byte[] header = in.readNBytes(5); // 3 bytes length, 1 byte sequence, protocol version
      return header.length == 5 && header[4] == 10;
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * A JDBC URL of a database on this server, with what Camunda needs on MySQL: timestamps not
   * rounded up ({@code sendFractionalSeconds=false}). Use it with READ COMMITTED connections, as
   * {@link ScratchDatabase#dataSource()} does.
   */
  public String jdbcUrl(String database) {
    return "jdbc:mysql://"
        + host
        + ":"
        + port
        + "/"
        + database
        + "?sendFractionalSeconds=false&characterEncoding=UTF-8&connectionTimeZone=UTC"
        + "&allowPublicKeyRetrieval=true&sslMode=DISABLED";
  }

  /** Creates a database named {@code prefix} plus a random suffix; closing the result drops it. */
  public ScratchDatabase createScratchDatabase(String prefix) {
    String name =
        (prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 12))
            .toLowerCase(Locale.ROOT);
    if (!name.matches("[a-z0-9_]{1,64}")) {
      throw new IllegalArgumentException("Not a safe database name: " + name);
    }
    execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
    return new ScratchDatabase(this, name);
  }

  /** Drops a scratch database; nothing happens when it is gone already. */
  void dropDatabase(String name) {
    execute("DROP DATABASE IF EXISTS " + name);
  }

  private void execute(String sql) {
    try (Connection connection = DriverManager.getConnection(jdbcUrl(""), user, password);
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(
          "Failed on the MySQL test server " + host + ":" + port + ": " + sql, e);
    }
  }
}
