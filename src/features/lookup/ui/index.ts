// What other features' pages may use of the lookup feature's components.
export { SearchCrm } from './find-caller';
