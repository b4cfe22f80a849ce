/*
 * Tandem's configuration of Camunda Cockpit (Camunda's supported customisation: this file replaces
 * the webjar's app/cockpit/scripts/config.js). The header reads "Tandem Cockpit"; the logo and the
 * hidden community-edition banner are in ../styles/user-styles.css.
 */
export default {
  app: {
    name: 'Cockpit',
    vendor: 'Tandem'
  },
};
