package de.ratsweg.identity;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArraySet;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPURL;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.http.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.DispatcherServletAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.ServletWebServerFactoryAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configurers.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

/**
 * A real OpenID Connect provider, Spring Authorization Server, started in the test JVM as
 * a separate application: its own login page, its own keys, people checked against the
 * test directory by binding as them (as Keycloak does when it federates Active
 * Directory), a disabled account refused. Its clients:
 * <ul>
 * <li>{@code ratsweg}: Ratsweg's single sign-on (authorization code, any loopback port);
 * </li>
 * <li>{@code werkzeug}: a machine client of the city that gets user tokens;</li>
 * <li>{@code kurzlebig}: the same with tokens that expire after one second.</li>
 * </ul>
 */
// A test configuration: Ratsweg's component scan in the tests leaves it out.
@TestConfiguration(proxyBeanMethods = false)
@EnableWebSecurity
@ImportAutoConfiguration({ ServletWebServerFactoryAutoConfiguration.class, DispatcherServletAutoConfiguration.class,
		WebMvcAutoConfiguration.class, HttpMessageConvertersAutoConfiguration.class, JacksonAutoConfiguration.class })
public class TestIdentityProvider {

	public static final String RATSWEG_CLIENT = "ratsweg";

	public static final String RATSWEG_SECRET = "sso-geheimnis-ratsweg";

	public static final String TOOL_CLIENT = "werkzeug";

	public static final String SHORT_LIVED_CLIENT = "kurzlebig";

	public static final String TOOL_SECRET = "werkzeug-geheimnis";

	public static final String SHORT_LIVED_SECRET = "kurzlebig-geheimnis";

	/** Where the tool's authorization code goes (never followed). */
	public static final String TOOL_REDIRECT = "http://127.0.0.1:1/callback";

	/** Pages Ratsweg may send the browser back to after a logout at the provider. */
	static final Set<String> POST_LOGOUT_REDIRECTS = new CopyOnWriteArraySet<>();

	/**
	 * Starts a provider on a free port of {@code localhost}; its issuer is its own
	 * address.
	 * @param ldapUrl the directory the provider checks passwords against
	 */
	public static ConfigurableApplicationContext start(String ldapUrl) {
		int port = freePort();
		String issuer = "http://localhost:" + port;
		return new SpringApplicationBuilder(TestIdentityProvider.class).web(WebApplicationType.SERVLET)
			.properties(Map.of("server.port", String.valueOf(port), "spring.config.name", "test-identity-provider",
					"test-identity-provider.issuer", issuer, "test-identity-provider.ldap-url", ldapUrl,
					"spring.main.banner-mode", "off", "server.servlet.session.cookie.name", "PROVIDER_SESSION"))
			.run();
	}

	/** The issuer of a started provider. */
	public static String issuerOf(ConfigurableApplicationContext provider) {
		return provider.getEnvironment().getProperty("test-identity-provider.issuer");
	}

	public static int portOf(ConfigurableApplicationContext provider) {
		return ((WebServerApplicationContext) provider).getWebServer().getPort();
	}

	/** Ratsweg at this address may ask the provider to send the browser back there. */
	public static void allowPostLogoutRedirect(String uri) {
		POST_LOGOUT_REDIRECTS.add(uri);
	}

	private static int freePort() {
		try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 0,
				java.net.InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	@Bean
	@Order(1)
	SecurityFilterChain authorizationServer(HttpSecurity http) throws Exception {
		OAuth2AuthorizationServerConfigurer server = OAuth2AuthorizationServerConfigurer.authorizationServer();
		http.securityMatcher(server.getEndpointsMatcher())
			.with(server, (configurer) -> configurer.oidc(Customizer.withDefaults()))
			.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated())
			.exceptionHandling((exceptions) -> exceptions.defaultAuthenticationEntryPointFor(
					new LoginUrlAuthenticationEntryPoint("/login"), new MediaTypeRequestMatcher(MediaType.TEXT_HTML)));
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain loginPage(HttpSecurity http) throws Exception {
		return http.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated())
			.formLogin(Customizer.withDefaults())
			.build();
	}

	/** Passwords are checked by the directory: a bind as the person. */
	@Bean
	AuthenticationProvider directoryLogin(org.springframework.core.env.Environment environment) {
		String ldapUrl = environment.getRequiredProperty("test-identity-provider.ldap-url");
		return new AuthenticationProvider() {
			@Override
			public Authentication authenticate(Authentication authentication) {
				String user = authentication.getName();
				String password = String.valueOf(authentication.getCredentials());
				try {
					LDAPURL url = new LDAPURL(ldapUrl);
					try (LDAPConnection connection = new LDAPConnection(url.getHost(), url.getPort(),
							TestDirectory.MANAGER_DN, TestDirectory.MANAGER_PASSWORD)) {
						SearchResultEntry entry = connection.searchForEntry(TestDirectory.BASE_DN, SearchScope.SUB,
								"(&(objectClass=user)(sAMAccountName=" + com.unboundid.ldap.sdk.Filter.encodeValue(user)
										+ "))");
						if (entry == null || password.isEmpty()) {
							throw new BadCredentialsException("Bad credentials");
						}
						if ((entry.getAttributeValueAsInteger("userAccountControl") & 2) != 0) {
							throw new DisabledException("Account disabled");
						}
						connection.bind(entry.getDN(), password);
					}
				}
				catch (LDAPException ex) {
					throw new BadCredentialsException("Bad credentials", ex);
				}
				return UsernamePasswordAuthenticationToken.authenticated(user, null,
						AuthorityUtils.createAuthorityList("ROLE_USER"));
			}

			@Override
			public boolean supports(Class<?> authentication) {
				return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
			}
		};
	}

	@Bean
	RegisteredClientRepository clients() {
		RegisteredClient ratsweg = RegisteredClient.withId(UUID.randomUUID().toString())
			.clientId(RATSWEG_CLIENT)
			.clientSecret("{noop}" + RATSWEG_SECRET)
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
			// Loopback addresses match on any port (RFC 8252), as Ratsweg's port varies.
			.redirectUri("http://127.0.0.1/login/oauth2/code/ratsweg")
			.scope(OidcScopes.OPENID)
			.scope(OidcScopes.PROFILE)
			.scope(OidcScopes.EMAIL)
			.clientSettings(ClientSettings.builder().requireAuthorizationConsent(false).build())
			.build();
		RegisteredClient tool = tool(TOOL_CLIENT, TOOL_SECRET, Duration.ofMinutes(5));
		RegisteredClient shortLived = tool(SHORT_LIVED_CLIENT, SHORT_LIVED_SECRET, Duration.ofSeconds(1));
		InMemoryRegisteredClientRepository registered = new InMemoryRegisteredClientRepository(ratsweg, tool,
				shortLived);
		// The post-logout pages are known only once Ratsweg runs (its port).
		return new RegisteredClientRepository() {
			@Override
			public void save(RegisteredClient client) {
				registered.save(client);
			}

			@Override
			public RegisteredClient findById(String id) {
				return withLogoutPages(registered.findById(id));
			}

			@Override
			public RegisteredClient findByClientId(String clientId) {
				return withLogoutPages(registered.findByClientId(clientId));
			}

			private RegisteredClient withLogoutPages(RegisteredClient client) {
				if (client == null || !RATSWEG_CLIENT.equals(client.getClientId())) {
					return client;
				}
				return RegisteredClient.from(client)
					.postLogoutRedirectUris((uris) -> uris.addAll(POST_LOGOUT_REDIRECTS))
					.build();
			}
		};
	}

	private static RegisteredClient tool(String clientId, String secret, Duration tokenLifetime) {
		return RegisteredClient.withId(UUID.randomUUID().toString())
			.clientId(clientId)
			.clientSecret("{noop}" + secret)
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.redirectUri(TOOL_REDIRECT)
			.scope(OidcScopes.OPENID)
			.clientSettings(ClientSettings.builder().requireAuthorizationConsent(false).build())
			.tokenSettings(TokenSettings.builder().accessTokenTimeToLive(tokenLifetime).build())
			.build();
	}

	/** Keycloak's claim for the log-in name, in ID and access tokens. */
	@Bean
	OAuth2TokenCustomizer<JwtEncodingContext> userNameClaim() {
		return (context) -> {
			if (context.getPrincipal() != null && context.getPrincipal().getName() != null) {
				context.getClaims().claim("preferred_username", context.getPrincipal().getName());
			}
		};
	}

	@Bean
	JWKSource<SecurityContext> keys() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			KeyPair pair = generator.generateKeyPair();
			RSAKey key = new RSAKey.Builder((RSAPublicKey) pair.getPublic())
				.privateKey((RSAPrivateKey) pair.getPrivate())
				.keyID(UUID.randomUUID().toString())
				.build();
			return new ImmutableJWKSet<>(new JWKSet(List.of(key)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** For the provider's user-info endpoint. */
	@Bean
	JwtDecoder jwtDecoder(JWKSource<SecurityContext> keys) {
		return OAuth2AuthorizationServerConfiguration.jwtDecoder(keys);
	}

	@Bean
	AuthorizationServerSettings settings(org.springframework.core.env.Environment environment) {
		return AuthorizationServerSettings.builder()
			.issuer(environment.getRequiredProperty("test-identity-provider.issuer"))
			.build();
	}

}
