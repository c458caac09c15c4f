package de.ratsweg.notification;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When the people of a task are reminded before its due date and when the leads of its
 * groups are told that it is overdue ({@code ratsweg.deadlines}): one rule for all
 * processes, changed per process in the same place. A duration of zero switches the
 * reminder or the escalation off.
 *
 * @param reminderBefore how long before the due date the reminder goes out
 * @param escalationAfter how long after the due date the leads are told
 * @param processes rules of single processes (by process key), each value replacing the
 * general one where it is set
 * @param sweepInterval how often the due dates are looked at: a reminder or escalation
 * goes out at most this long after its time
 */
@ConfigurationProperties("ratsweg.deadlines")
public record DeadlineRules(@DefaultValue("P2D") Duration reminderBefore, @DefaultValue("P1D") Duration escalationAfter,
		Map<String, Rule> processes, @DefaultValue("PT15M") Duration sweepInterval) {

	/**
	 * The rule of one process; unset values come from the general rule.
	 */
	public record Rule(Duration reminderBefore, Duration escalationAfter) {
	}

	/** The rule that applies to tasks of the process. */
	public Rule of(String processKey) {
		Rule own = (this.processes != null && processKey != null) ? this.processes.get(processKey) : null;
		if (own == null) {
			return new Rule(this.reminderBefore, this.escalationAfter);
		}
		return new Rule((own.reminderBefore() != null) ? own.reminderBefore() : this.reminderBefore,
				(own.escalationAfter() != null) ? own.escalationAfter() : this.escalationAfter);
	}

}
