/*
 * Tandem's configuration of Camunda Welcome (Camunda's supported customisation: this file replaces
 * the webjar's app/welcome/scripts/config.js). The header reads "Tandem Welcome"; the logo and the
 * hidden community-edition banner are in ../styles/user-styles.css.
 */
export default {
  app: {
    name: 'Welcome',
    vendor: 'Tandem'
  },
};
