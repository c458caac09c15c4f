package de.ratsweg.tenancy;

import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Tenant;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

import de.ratsweg.engine.tenancy.StartingUserTenant;
import de.ratsweg.startup.StartupStep;

/**
 * The municipalities that share this installation, each a Camunda tenant. Process models
 * are shared; every process instance belongs to the municipality of the user who started
 * it ({@link StartingUserTenant}), and the engine shows a user only the instances, tasks
 * and history of their own municipality.
 */
@Component
@EnableConfigurationProperties(TenancyProperties.class)
public class Municipalities implements StartupStep {

	private final List<Municipality> municipalities;

	private final IdentityService identityService;

	Municipalities(TenancyProperties properties, IdentityService identityService) {
		this.municipalities = properties.municipalities();
		this.identityService = identityService;
	}

	public List<Municipality> all() {
		return this.municipalities;
	}

	/**
	 * The name users read ("Stadt Soest"), or the id when the municipality is not
	 * configured (any more).
	 */
	public String nameOf(String tenantId) {
		return this.municipalities.stream()
			.filter((municipality) -> municipality.id().equals(tenantId))
			.map(Municipality::name)
			.findFirst()
			.orElse(tenantId);
	}

	/** The municipality with this tenant id, if it is configured. */
	public Optional<Municipality> find(String tenantId) {
		return this.municipalities.stream().filter((municipality) -> municipality.id().equals(tenantId)).findFirst();
	}

	public boolean contains(String tenantId) {
		return this.municipalities.stream().anyMatch((municipality) -> municipality.id().equals(tenantId));
	}

	/**
	 * Creates the tenant of every municipality that does not exist yet. An existing
	 * tenant keeps its name (an administrator may have changed it in Camunda Admin).
	 */
	@Override
	public Stage stage() {
		return Stage.TENANTS;
	}

	@Override
	public String description() {
		return "municipalities as tenants";
	}

	@Override
	public void run() {
		ensureTenants();
	}

	public void ensureTenants() {
		if (this.identityService.isReadOnly()) {
			// The city's directory: the municipalities are the tenants as configured.
			return;
		}
		for (Municipality municipality : this.municipalities) {
			if (this.identityService.createTenantQuery().tenantId(municipality.id()).count() == 0) {
				Tenant tenant = this.identityService.newTenant(municipality.id());
				tenant.setName(municipality.name());
				this.identityService.saveTenant(tenant);
			}
		}
	}

	/** Makes the user a member of the municipality's tenant, unless they are already. */
	public void ensureMember(String userId, String tenantId) {
		if (this.identityService.createTenantQuery().tenantId(tenantId).userMember(userId).count() == 0) {
			this.identityService.createTenantUserMembership(tenantId, userId);
		}
	}

}
