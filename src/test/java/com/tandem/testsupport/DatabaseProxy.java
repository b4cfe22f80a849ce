package com.tandem.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP forwarder between Tandem and the database server that a test can {@link #cut()} and {@link
 * #restore()}: the database going away and coming back, as the client sees it, without stopping the
 * shared server. While cut, every open connection is reset at once (the server process died) and
 * every new one is reset as soon as it is accepted (nothing answers at the port); a client's
 * connection attempt fails immediately, as it does against a stopped server. Point Tandem's JDBC
 * URL at {@link #port()}; a test's own checks should go to the server directly.
 */
public final class DatabaseProxy implements AutoCloseable {

  private final String targetHost;
  private final int targetPort;
  private final ServerSocket server;
  private final ExecutorService threads =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "db-proxy");
            t.setDaemon(true);
            return t;
          });
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private final AtomicInteger accepted = new AtomicInteger();
  private final AtomicInteger refused = new AtomicInteger();
  private volatile boolean cut;
  private volatile boolean closed;

  private DatabaseProxy(String targetHost, int targetPort) {
    this.targetHost = targetHost;
    this.targetPort = targetPort;
    try {
      server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    threads.execute(this::acceptLoop);
  }

  /** A proxy on a free port of 127.0.0.1 in front of {@code host:port}. */
  public static DatabaseProxy to(String host, int port) {
    return new DatabaseProxy(host, port);
  }

  /** A proxy in front of the MySQL test server. */
  public static DatabaseProxy to(MySqlTestServer server) {
    return to(server.host(), server.port());
  }

  public int port() {
    return server.getLocalPort();
  }

  /**
   * {@code jdbcUrl} of a database on {@code server} rewritten to go through this proxy (host and
   * port replaced, the rest kept).
   */
  public String jdbcUrl(MySqlTestServer server, String database) {
    return new MySqlTestServer("127.0.0.1", port(), server.user(), server.password())
        .jdbcUrl(database);
  }

  /**
   * The database goes away: open connections are reset, new ones refused until {@link #restore}.
   */
  public void cut() {
    cut = true;
    for (Socket socket : open) {
      reset(socket);
    }
  }

  /** The database is back: new connections reach it again. */
  public void restore() {
    cut = false;
  }

  public boolean isCut() {
    return cut;
  }

  /** Client connections forwarded to the server so far. */
  public int accepted() {
    return accepted.get();
  }

  /** Client connections refused while cut. */
  public int refused() {
    return refused.get();
  }

  private void acceptLoop() {
    while (!closed) {
      Socket client;
      try {
        client = server.accept();
      } catch (IOException e) {
        if (closed) {
          return;
        }
        continue;
      }
      if (cut) {
        refused.incrementAndGet();
        reset(client);
        continue;
      }
      threads.execute(() -> connect(client));
    }
  }

  private void connect(Socket client) {
    Socket upstream = new Socket();
    try {
      upstream.connect(new InetSocketAddress(targetHost, targetPort), 5_000);
    } catch (IOException e) {
      reset(client);
      reset(upstream);
      return;
    }
    open.add(client);
    open.add(upstream);
    if (cut) { // cut while connecting: this connection must not survive it
      reset(client);
      reset(upstream);
      return;
    }
    accepted.incrementAndGet();
    threads.execute(() -> pump(client, upstream));
    pump(upstream, client);
  }

  private void pump(Socket from, Socket to) {
    byte[] buffer = new byte[16 * 1024];
    try {
      InputStream in = from.getInputStream();
      OutputStream out = to.getOutputStream();
      int n;
      while ((n = in.read(buffer)) >= 0) {
        out.write(buffer, 0, n);
        out.flush();
      }
    } catch (IOException e) {
      // reset by cut() or by either side: the connection is over
    } finally {
      reset(from);
      reset(to);
    }
  }

  /** Closes with an RST (linger 0), as a dead server's kernel answers. */
  private void reset(Socket socket) {
    open.remove(socket);
    try {
      if (!socket.isClosed() && socket.isConnected()) {
        socket.setSoLinger(true, 0);
      }
    } catch (SocketException ignored) {
      // already gone
    }
    try {
      socket.close();
    } catch (IOException ignored) {
      // already gone
    }
  }

  @Override
  public void close() {
    closed = true;
    try {
      server.close();
    } catch (IOException ignored) {
      // closing anyway
    }
    for (Socket socket : open) {
      reset(socket);
    }
    threads.shutdownNow();
  }
}
