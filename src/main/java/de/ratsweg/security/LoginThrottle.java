package de.ratsweg.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Slows down guessing passwords without locking anyone out. After a wrong password, the
 * next attempt for that user <em>from the same address</em> waits 3 s, doubling with
 * every further failure up to 60 s; a right password from anywhere else is unaffected. An
 * attacker's wrong passwords for {@code akoch} therefore slow down the attacker only,
 * never the administrator at her own desk. Attempts during the wait are refused like a
 * wrong password (without looking at the password, so the wait tells nothing).
 *
 * <p>
 * Camunda's own throttling counts per user, whoever tries, and is switched off
 * ({@code login-delay-max-time: 0}). The counts live in memory, per node: a restart
 * forgets them, and in a cluster each node counts for itself. Behind a proxy, the address
 * is the client's only when the proxy's {@code X-Forwarded-For} is trusted
 * ({@code server.forward-headers-strategy: native}, set in the cluster's compose file).
 * Written here rather than taken from a rate-limiting library: what is needed is a delay
 * that grows per failure and per address and user, not a rate.
 */
@Component
class LoginThrottle {

	private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);

	static final Duration LONGEST_DELAY = Duration.ofSeconds(60);

	/**
	 * Entries kept at most; beyond it those that no longer delay anything are dropped.
	 */
	private static final int MAX_ENTRIES = 100_000;

	private final Map<String, Failures> failures = new ConcurrentHashMap<>();

	private final Clock clock;

	private final Duration firstDelay;

	@Autowired
	LoginThrottle(@Value("${ratsweg.login-throttle.first-delay:3s}") Duration firstDelay) {
		this(Clock.systemUTC(), firstDelay);
	}

	LoginThrottle(Clock clock, Duration firstDelay) {
		this.clock = clock;
		this.firstDelay = firstDelay;
	}

	/**
	 * Whether an attempt for the user from the address must wait (and is refused).
	 */
	boolean mustWait(String address, String userId) {
		Failures recent = this.failures.get(key(address, userId));
		return recent != null && this.clock.instant().isBefore(recent.until());
	}

	void failed(String address, String userId) {
		Instant now = this.clock.instant();
		Failures recent = this.failures.compute(key(address, userId), (key, before) -> {
			int count = (before != null) ? before.count() + 1 : 1;
			Duration delay = this.firstDelay.multipliedBy(1L << Math.min(count - 1, 5));
			return new Failures(count, now.plus((delay.compareTo(LONGEST_DELAY) > 0) ? LONGEST_DELAY : delay));
		});
		log.info("Wrong password for user '{}' from {} ({} in a row); next attempt from there after {}", userId,
				address, recent.count(), recent.until());
		if (this.failures.size() > MAX_ENTRIES) {
			this.failures.values().removeIf((entry) -> now.isAfter(entry.until().plus(LONGEST_DELAY)));
		}
	}

	void succeeded(String address, String userId) {
		this.failures.remove(key(address, userId));
	}

	private static String key(String address, String userId) {
		return address + ' ' + ((userId != null) ? userId.toLowerCase(Locale.ROOT) : "");
	}

	private record Failures(int count, Instant until) {
	}

}
