package de.ratsweg.security;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpMethod;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The webapps' login ({@code POST /camunda/api/admin/auth/user/default/login/<app>}, form
 * fields {@code username} and {@code password}) passes the same {@link LoginThrottle} as
 * HTTP Basic: while an address must wait for a user, its attempts are refused like a
 * wrong password (401) without reaching the engine.
 *
 * <p>
 * The body is read here and handed on unchanged: reading the form through the servlet's
 * parameters would leave nothing for Camunda's own login resource.
 */
class WebappLoginThrottleFilter extends OncePerRequestFilter {

	/** At most this much form is read; a login is a few dozen bytes. */
	private static final int MAX_BODY = 8192;

	private final LoginThrottle throttle;

	WebappLoginThrottleFilter(LoginThrottle throttle) {
		this.throttle = throttle;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !HttpMethod.POST.matches(request.getMethod())
				|| !request.getRequestURI().matches(".*/api/admin/auth/user/[^/]+/login/[^/]+/?");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		byte[] body = request.getInputStream().readNBytes(MAX_BODY);
		String userId = field(new String(body, StandardCharsets.ISO_8859_1), "username");
		String address = request.getRemoteAddr();
		if (userId == null || this.throttle.mustWait(address, userId)) {
			response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
			return;
		}
		chain.doFilter(new ReplayedBody(request, body), response);
		if (response.getStatus() == HttpServletResponse.SC_UNAUTHORIZED) {
			this.throttle.failed(address, userId);
		}
		else if (response.getStatus() < 300) {
			this.throttle.succeeded(address, userId);
		}
	}

	/** A field of an {@code application/x-www-form-urlencoded} body. */
	static String field(String form, String name) {
		for (String pair : form.split("&")) {
			int equals = pair.indexOf('=');
			if (equals > 0 && URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8).equals(name)) {
				return URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
			}
		}
		return null;
	}

	private static final class ReplayedBody extends HttpServletRequestWrapper {

		private final byte[] body;

		ReplayedBody(HttpServletRequest request, byte[] body) {
			super(request);
			this.body = body;
		}

		@Override
		public ServletInputStream getInputStream() {
			ByteArrayInputStream in = new ByteArrayInputStream(this.body);
			return new ServletInputStream() {

				@Override
				public int read() {
					return in.read();
				}

				@Override
				public int read(byte[] buffer, int offset, int length) {
					return in.read(buffer, offset, length);
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
					throw new UnsupportedOperationException("The login form is read synchronously");
				}

			};
		}

		@Override
		public int getContentLength() {
			return this.body.length;
		}

		@Override
		public long getContentLengthLong() {
			return this.body.length;
		}

	}

}
