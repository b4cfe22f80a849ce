/*
 * Tandem's configuration of Camunda Admin (Camunda's supported customisation: this file replaces
 * the webjar's app/admin/scripts/config.js). The header reads "Tandem Admin"; the logo and the
 * hidden community-edition banner are in ../styles/user-styles.css.
 */
export default {
  app: {
    name: 'Admin',
    vendor: 'Tandem'
  },
};
