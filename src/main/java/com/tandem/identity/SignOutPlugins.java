package com.tandem.identity;

import jakarta.ws.rs.Path;
import java.util.Set;
import org.camunda.bpm.admin.plugin.spi.impl.AbstractAdminPlugin;
import org.camunda.bpm.admin.resource.AbstractAdminPluginRootResource;
import org.camunda.bpm.cockpit.plugin.resource.AbstractCockpitPluginRootResource;
import org.camunda.bpm.cockpit.plugin.spi.impl.AbstractCockpitPlugin;
import org.camunda.bpm.tasklist.plugin.spi.impl.AbstractTasklistPlugin;
import org.camunda.bpm.tasklist.resource.AbstractTasklistPluginRootResource;
import org.camunda.bpm.welcome.plugin.spi.impl.AbstractWelcomePlugin;
import org.camunda.bpm.welcome.resource.AbstractWelcomePluginRootResource;

/**
 * A small script in each of Camunda's webapps (Tasklist, Cockpit, Admin, the welcome page;
 * src/main/resources/plugin-webapp/tandem-sign-out/app/plugin.js) that, when the person signed in
 * through the company's provider, makes the webapp's "Log out" Tandem's sign-out, which ends the
 * provider's session too, and skips Camunda's password form, which such a person cannot use.
 * Without the profile {@code oidc} the script finds no such sign-in and changes nothing.
 *
 * <p>Registered through META-INF/services, as Camunda's webapps find their plugins.
 */
public final class SignOutPlugins {

  static final String ID = "tandem-sign-out";

  private SignOutPlugins() {}

  public static class Tasklist extends AbstractTasklistPlugin {
    @Override
    public String getId() {
      return ID;
    }

    @Override
    public Set<Class<?>> getResourceClasses() {
      return Set.of(TasklistAssets.class);
    }
  }

  @Path("plugin/" + ID)
  public static class TasklistAssets extends AbstractTasklistPluginRootResource {
    public TasklistAssets() {
      super(ID);
    }
  }

  public static class Cockpit extends AbstractCockpitPlugin {
    @Override
    public String getId() {
      return ID;
    }

    @Override
    public Set<Class<?>> getResourceClasses() {
      return Set.of(CockpitAssets.class);
    }
  }

  @Path("plugin/" + ID)
  public static class CockpitAssets extends AbstractCockpitPluginRootResource {
    public CockpitAssets() {
      super(ID);
    }
  }

  public static class Admin extends AbstractAdminPlugin {
    @Override
    public String getId() {
      return ID;
    }

    @Override
    public Set<Class<?>> getResourceClasses() {
      return Set.of(AdminAssets.class);
    }
  }

  @Path("plugin/" + ID)
  public static class AdminAssets extends AbstractAdminPluginRootResource {
    public AdminAssets() {
      super(ID);
    }
  }

  public static class Welcome extends AbstractWelcomePlugin {
    @Override
    public String getId() {
      return ID;
    }

    @Override
    public Set<Class<?>> getResourceClasses() {
      return Set.of(WelcomeAssets.class);
    }
  }

  @Path("plugin/" + ID)
  public static class WelcomeAssets extends AbstractWelcomePluginRootResource {
    public WelcomeAssets() {
      super(ID);
    }
  }
}
