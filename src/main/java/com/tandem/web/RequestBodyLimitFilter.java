package com.tandem.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses API request bodies above {@code tandem.api.max-body-bytes} with 413, before anything
 * parses them: a declared Content-Length is checked at once, a chunked body is read up to the limit
 * and no further. An intake is a few KiB; the limit keeps a client from making the server buffer or
 * parse megabytes.
 */
public class RequestBodyLimitFilter extends OncePerRequestFilter {

  private final ObjectMapper objectMapper;
  private final int maxBytes;
  private final long maxMultipartBytes;

  public RequestBodyLimitFilter(ObjectMapper objectMapper, int maxBytes) {
    this(objectMapper, maxBytes, maxBytes);
  }

  /**
   * @param maxMultipartBytes the limit of a multipart upload (a discovery export), which is
   *     streamed to the multipart resolver, not read into memory here; the resolver enforces it
   *     again on a body of undeclared length
   */
  public RequestBodyLimitFilter(ObjectMapper objectMapper, int maxBytes, long maxMultipartBytes) {
    this.objectMapper = objectMapper;
    this.maxBytes = maxBytes;
    this.maxMultipartBytes = Math.max(maxBytes, maxMultipartBytes);
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    long declared = request.getContentLengthLong();
    String contentType = request.getContentType();
    if (contentType != null
        && contentType.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/form-data")) {
      if (declared > maxMultipartBytes) {
        tooLarge(response, maxMultipartBytes);
        return;
      }
      chain.doFilter(request, response);
      return;
    }
    if (declared > maxBytes) {
      tooLarge(response);
      return;
    }
    if (declared == 0 || (declared < 0 && request.getHeader("Transfer-Encoding") == null)) {
      chain.doFilter(request, response);
      return;
    }
    byte[] body = request.getInputStream().readNBytes(maxBytes + 1);
    if (body.length > maxBytes) {
      tooLarge(response);
      return;
    }
    chain.doFilter(new CachedBody(request, body), response);
  }

  private void tooLarge(HttpServletResponse response) throws IOException {
    tooLarge(response, maxBytes);
  }

  private void tooLarge(HttpServletResponse response, long maxBytes) throws IOException {
    response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    // The connection may still carry the unread rest of the body: let the client open a new one.
    response.setHeader("Connection", "close");
    objectMapper.writeValue(
        response.getOutputStream(),
        ApiProblems.problem(
            HttpStatus.PAYLOAD_TOO_LARGE,
            "The request body is larger than " + maxBytes + " bytes.",
            List.of(new FieldProblem("body", "must be at most " + maxBytes + " bytes"))));
  }

  /** The request with its body read into memory (at most the limit). */
  private static final class CachedBody extends HttpServletRequestWrapper {
    private final byte[] body;

    CachedBody(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public int getContentLength() {
      return body.length;
    }

    @Override
    public long getContentLengthLong() {
      return body.length;
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public int read() throws IOException {
          return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
          return in.read(b, off, len);
        }

        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException("synchronous reads only");
        }
      };
    }

    @Override
    public BufferedReader getReader() {
      Charset charset;
      try {
        charset =
            getCharacterEncoding() == null
                ? StandardCharsets.UTF_8
                : Charset.forName(getCharacterEncoding());
      } catch (IllegalArgumentException unknownCharset) {
        charset = StandardCharsets.UTF_8;
      }
      return new BufferedReader(new InputStreamReader(getInputStream(), charset));
    }
  }
}
