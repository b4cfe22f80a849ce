/*
 * Tandem's configuration of Camunda Tasklist (Camunda's supported customisation: this file replaces
 * the webjar's app/tasklist/scripts/config.js). The header reads "Tandem Tasklist"; the logo and the
 * hidden community-edition banner are in ../styles/user-styles.css.
 */
export default {
  app: {
    name: 'Tasklist',
    vendor: 'Tandem'
  },
  // Hides "Create task" from everyone but administrators (tandem/tandem.js) and adds a way home.
  customScripts: ['tandem/tandem'],

  shortcuts: {
    claimTask: { key: 'ctrl+alt+c', description: 'claims the currently selected task' },
    focusFilter: { key: 'ctrl+shift+f', description: 'set the focus to the first filter in the list' },
    focusList: { key: 'ctrl+alt+l', description: 'sets the focus to the first task in the list' },
    focusForm: { key: 'ctrl+alt+f', description: 'sets the focus to the first input field in a task form' },
    startProcess: { key: 'ctrl+alt+p', description: 'opens the start process modal dialog' }
  },
};
