package de.ratsweg.security;

import java.util.Arrays;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.autoconfigure.security.servlet.EndpointRequest;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import de.ratsweg.identity.SingleSignOnProperties;

/**
 * Who may call what over HTTP.
 * <ul>
 * <li>{@code /engine-rest/**}: HTTP Basic against the engine's users; the engine then
 * checks its authorizations for that user (401 without credentials, 403 without
 * permission).</li>
 * <li>Actuator: {@code health} is public, everything else needs an administrator.</li>
 * <li>The Camunda webapps under {@code /camunda/**} keep their own login, session and
 * CSRF protection.</li>
 * <li>Anything else needs authentication, except Spring Boot's error page.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(SingleSignOnProperties.class)
class SecurityConfiguration {

	static final String REALM = "Ratsweg";

	/**
	 * For responses that are data, never pages: nothing may be loaded, run or framed.
	 */
	static final String API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";

	/** Ratsweg's own pages: only its own styles, no scripts, no frames. */
	static final String PAGE_CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'self'; img-src 'self'; "
			+ "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

	/**
	 * The overview pages: also their own scripts (the diagram viewer and what drives it),
	 * fetching the diagram from the same origin, and the inline styles the viewer sets on
	 * the diagram's elements.
	 */
	static final String OVERVIEW_CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; "
			+ "connect-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; "
			+ "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

	/**
	 * "Prozesse bearbeiten": the editors' scripts and styles, data URLs for their fonts
	 * and icons, and the inline styles they set on diagrams and tables.
	 */
	static final String MODELING_CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; "
			+ "connect-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; "
			+ "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

	/** "Prozesse bearbeiten" and "Laufende Vorhaben umstellen": administrators only. */
	static final String MODELING_PAGES = "/prozesse/**";

	/** The pages of Ratsweg itself. */
	static final String PAGES = "/vertretung/**";

	/** The accessibility statement and its stylesheet. */
	static final String STATEMENT_PAGES = "/barrierefreiheit/**";

	/** The overview, its record pages and the diagram viewer it loads. */
	static final String[] OVERVIEW_PAGES = { "/uebersicht", "/uebersicht/**", "/webjars/bpmn-js/**",
			"/record/record.css" };

	/** Where the webapps log users in. */
	static final String WEBAPP_LOGIN = "/camunda/app/welcome/default/#!/login";

	/** One year, as the HSTS preload list asks. */
	private static final long HSTS_MAX_AGE = 31_536_000;

	private final boolean tls;

	private final SingleSignOnProperties sso;

	/** The city's provider's key set for bearer tokens, when configured. */
	private final JwtDecoder bearerTokens;

	/**
	 * @param tls whether Ratsweg is reached over HTTPS only ({@code ratsweg.tls}):
	 * browsers are then told never to use plain HTTP (HSTS), and session cookies are
	 * {@code Secure}
	 * @param sso single sign-on through the city's OpenID Connect provider
	 * @param bearerTokens checks bearer tokens of machine clients when
	 * {@code spring.security.oauth2.resourceserver.jwt.issuer-uri} is set
	 */
	SecurityConfiguration(@Value("${ratsweg.tls:false}") boolean tls, SingleSignOnProperties sso,
			ObjectProvider<JwtDecoder> bearerTokens) {
		this.tls = tls;
		this.sso = sso;
		this.bearerTokens = bearerTokens.getIfAvailable();
	}

	/**
	 * Machine clients may send a bearer token of the city's provider instead of a
	 * password: the same user, groups and municipalities, the same checks.
	 */
	private void bearerTokens(HttpSecurity http, IdentityService identityService) throws Exception {
		if (this.bearerTokens != null) {
			BearerTokenUsers users = new BearerTokenUsers(identityService, this.sso.userIdClaim());
			http.oauth2ResourceServer(
					(server) -> server.jwt((jwt) -> jwt.decoder(this.bearerTokens).jwtAuthenticationConverter(users)));
		}
	}

	/**
	 * Strict-Transport-Security on every response when TLS is on (also behind a proxy
	 * that ends TLS, where the request itself looks like plain HTTP), none otherwise.
	 */
	private void transportSecurity(HeadersConfigurer<HttpSecurity> headers) {
		if (this.tls) {
			headers.httpStrictTransportSecurity((hsts) -> hsts.requestMatcher(AnyRequestMatcher.INSTANCE)
				.maxAgeInSeconds(HSTS_MAX_AGE)
				.includeSubDomains(true));
		}
		else {
			headers.httpStrictTransportSecurity(HeadersConfigurer.HstsConfig::disable);
		}
	}

	private void apiHeaders(HeadersConfigurer<HttpSecurity> headers) {
		transportSecurity(headers);
		headers.contentSecurityPolicy((csp) -> csp.policyDirectives(API_CONTENT_SECURITY_POLICY));
	}

	/**
	 * Matches the request path itself. The engine REST API and the webapps' API are
	 * Jersey servlets, not Spring MVC, so the MVC-aware matchers of
	 * {@code securityMatcher(String)} would not see them.
	 */
	private static RequestMatcher path(String pattern) {
		return PathPatternRequestMatcher.withDefaults().matcher(pattern);
	}

	@Bean
	@Order(1)
	SecurityFilterChain engineRestSecurity(HttpSecurity http, IdentityService identityService) throws Exception {
		bearerTokens(http, identityService);
		return http.securityMatcher(path("/engine-rest/**"))
			.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated())
			.httpBasic((basic) -> basic.realmName(REALM))
			// Stateless HTTP Basic: no session cookie that a forged cross-site request
			// could ride on.
			.csrf(AbstractHttpConfigurer::disable)
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.addFilterBefore(new CrossSiteRequestFilter(), BasicAuthenticationFilter.class)
			.addFilterAfter(new EngineAuthenticationFilter(identityService), AuthorizationFilter.class)
			.headers(this::apiHeaders)
			.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain actuatorSecurity(HttpSecurity http) throws Exception {
		return http.securityMatcher(EndpointRequest.toAnyEndpoint())
			.authorizeHttpRequests((requests) -> requests.requestMatchers(EndpointRequest.to(HealthEndpoint.class))
				.permitAll()
				.anyRequest()
				.hasRole("ADMIN"))
			.httpBasic((basic) -> basic.realmName(REALM))
			.csrf(AbstractHttpConfigurer::disable)
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.headers(this::apiHeaders)
			.build();
	}

	@Bean
	@Order(3)
	SecurityFilterChain webappSecurity(HttpSecurity http, LoginThrottle throttle, ProcessEngine engine,
			ObjectProvider<ClientRegistrationRepository> registrations) throws Exception {
		// The webapps authenticate through their own login form and check their own CSRF
		// token (Camunda's CsrfPreventionFilter); their API refuses unauthenticated
		// calls.
		http.securityMatcher(
				new OrRequestMatcher(path("/camunda/**"), path("/"), path("/favicon.ico"), path(SignInOptions.PATH),
						path("/oauth2/**"), path("/login/oauth2/**"), path(SingleSignOnProperties.LOGOUT_PATH)))
			.authorizeHttpRequests((requests) -> {
				// Camunda Admin's "create the first administrator" page: Ratsweg always
				// creates the first administrator at start-up, so nobody may use it.
				requests.requestMatchers(path("/camunda/api/admin/setup/**")).denyAll();
				if (this.sso.enabled() && !this.sso.passwordLogin()) {
					// Single sign-on only: the webapps' own password login is closed.
					requests.requestMatchers(path("/camunda/api/admin/auth/user/*/login/**")).denyAll();
					// The webapps' API answers 401 itself; every page needs the sign-on.
					requests.requestMatchers(path("/camunda/api/**"), path(SignInOptions.PATH)).permitAll();
					requests.anyRequest().authenticated();
				}
				else {
					requests.anyRequest().permitAll();
				}
			})
			.csrf(AbstractHttpConfigurer::disable)
			.addFilterBefore(new WebappLoginThrottleFilter(throttle), AuthorizationFilter.class)
			// Camunda's own header filter sets the webapps' Content-Security-Policy
			// (with a nonce per page) and cache headers.
			.headers((headers) -> {
				headers.cacheControl((cache) -> cache.disable());
				transportSecurity(headers);
			});
		if (this.sso.enabled()) {
			ClientRegistrationRepository clients = registrations.getIfAvailable();
			if (clients == null) {
				throw new IllegalStateException("ratsweg.identity.sso.enabled is set, but no client registration "
						+ "spring.security.oauth2.client.registration." + this.sso.registrationId() + " exists");
			}
			OidcClientInitiatedLogoutSuccessHandler providerLogout = new OidcClientInitiatedLogoutSuccessHandler(
					clients);
			providerLogout.setPostLogoutRedirectUri("{baseUrl}/camunda/app/welcome/default/");
			http.oauth2Login((login) -> login.defaultSuccessUrl("/camunda/app/welcome/default/"))
				.exceptionHandling((exceptions) -> exceptions.defaultAuthenticationEntryPointFor(
						new LoginUrlAuthenticationEntryPoint(this.sso.loginPath()), AnyRequestMatcher.INSTANCE))
				// "Abmelden" ends the session here (the webapps' login with it) and at
				// the
				// provider.
				.logout((logout) -> logout.logoutRequestMatcher(path(SingleSignOnProperties.LOGOUT_PATH))
					.logoutSuccessHandler(providerLogout))
				.addFilterBefore(new SingleSignOnWebappLogin(engine, this.sso), AuthorizationFilter.class);
		}
		return http.build();
	}

	/**
	 * Ratsweg's own API ({@code /api/**}, e.g. absences): like the engine's REST API,
	 * HTTP Basic against the engine's users, stateless, and no requests from other sites.
	 */
	@Bean
	@Order(4)
	SecurityFilterChain apiSecurity(HttpSecurity http, IdentityService identityService) throws Exception {
		bearerTokens(http, identityService);
		return http.securityMatcher(path("/api/**"))
			.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated())
			.httpBasic((basic) -> basic.realmName(REALM))
			.csrf(AbstractHttpConfigurer::disable)
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.addFilterBefore(new CrossSiteRequestFilter(), BasicAuthenticationFilter.class)
			.headers(this::apiHeaders)
			.build();
	}

	/**
	 * Ratsweg's own pages ({@code /vertretung}): logged in through the Camunda webapps'
	 * session, with Spring's CSRF token in every form; without a login the browser goes
	 * to the webapps' login page.
	 */
	@Bean
	@Order(5)
	SecurityFilterChain pageSecurity(HttpSecurity http, ProcessEngine engine) throws Exception {
		return pages(http, engine, path(PAGES), PAGE_CONTENT_SECURITY_POLICY);
	}

	/**
	 * The overview ({@code /uebersicht}): like the other pages, with the scripts of its
	 * diagram viewer.
	 */
	@Bean
	@Order(6)
	SecurityFilterChain overviewSecurity(HttpSecurity http, ProcessEngine engine) throws Exception {
		return pages(http, engine,
				new OrRequestMatcher(
						Arrays.stream(OVERVIEW_PAGES).map(SecurityConfiguration::path).toArray(RequestMatcher[]::new)),
				OVERVIEW_CONTENT_SECURITY_POLICY);
	}

	/**
	 * "Prozesse bearbeiten" ({@code /prozesse}): like the other pages, but for
	 * administrators only (403 for everybody else), with the editors' scripts.
	 */
	@Bean
	@Order(7)
	SecurityFilterChain modelingSecurity(HttpSecurity http, ProcessEngine engine) throws Exception {
		return pages(http, engine, new OrRequestMatcher(path("/prozesse"), path(MODELING_PAGES)),
				MODELING_CONTENT_SECURITY_POLICY, true);
	}

	private SecurityFilterChain pages(HttpSecurity http, ProcessEngine engine, RequestMatcher pages,
			String contentSecurityPolicy) throws Exception {
		return pages(http, engine, pages, contentSecurityPolicy, false);
	}

	private SecurityFilterChain pages(HttpSecurity http, ProcessEngine engine, RequestMatcher pages,
			String contentSecurityPolicy, boolean administratorsOnly) throws Exception {
		if (this.sso.enabled()) {
			// Signed on at the provider, logged in to the webapps with the first page;
			// the
			// page asked for before the sign-on is where the browser comes back to.
			http.addFilterBefore(new SingleSignOnWebappLogin(engine, this.sso), AuthorizationFilter.class)
				.requestCache((cache) -> cache.requestCache(new HttpSessionRequestCache()));
		}
		else {
			http.requestCache((cache) -> cache.disable());
		}
		return http.securityMatcher(pages).authorizeHttpRequests((requests) -> {
			if (administratorsOnly) {
				requests.anyRequest().hasAuthority(IdentityServiceAuthenticationProvider.ROLE_ADMIN);
			}
			else {
				requests.anyRequest().authenticated();
			}
		})
			.addFilterBefore(new WebappSessionAuthenticationFilter(), AuthorizationFilter.class)
			.exceptionHandling((exceptions) -> {
				exceptions.authenticationEntryPoint(
						new LoginUrlAuthenticationEntryPoint(this.sso.enabled() ? this.sso.loginPath() : WEBAPP_LOGIN));
				if (administratorsOnly) {
					exceptions.accessDeniedHandler(new AdministratorsOnly());
				}
			})
			.securityContext((context) -> context.requireExplicitSave(true))
			.headers((headers) -> {
				transportSecurity(headers);
				headers.contentSecurityPolicy((csp) -> csp.policyDirectives(contentSecurityPolicy));
			})
			.build();
	}

	/**
	 * The accessibility statement ({@code /barrierefreiheit}): open to everybody, also
	 * before the login, as BITV 2.0 asks of it; like the other pages without scripts.
	 */
	@Bean
	@Order(8)
	SecurityFilterChain statementSecurity(HttpSecurity http) throws Exception {
		return http.securityMatcher(path(STATEMENT_PAGES))
			.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
			.requestCache((cache) -> cache.disable())
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.headers((headers) -> {
				transportSecurity(headers);
				headers.contentSecurityPolicy((csp) -> csp.policyDirectives(PAGE_CONTENT_SECURITY_POLICY));
			})
			.build();
	}

	@Bean
	@Order(9)
	SecurityFilterChain defaultSecurity(HttpSecurity http) throws Exception {
		// The error page is open: a 401 from a webapp API must reach the browser as it
		// is, not as a Basic-auth challenge of the error dispatch. Any other address
		// answers 401 without a challenge as well: the webapps' login page asks for
		// "/camunda-welcome", and a challenge makes the browser open its own login box,
		// which blocks every key and click on the page until it is closed. Clients
		// that send their credentials with the request are still let in.
		return http
			.authorizeHttpRequests(
					(requests) -> requests.requestMatchers(path("/error")).permitAll().anyRequest().authenticated())
			.httpBasic((basic) -> basic.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)))
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.headers(this::apiHeaders)
			.build();
	}

}
