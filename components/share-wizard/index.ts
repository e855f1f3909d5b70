export { DetailsStep, type DetailsStepProps, type DetailsValue } from './DetailsStep';
export { PermissionsStep, type PermissionsStepProps } from './PermissionsStep';
export { PrincipalPicker, type PrincipalPickerProps, type PrincipalTreeProps } from './PrincipalPicker';
export { PrincipalsStep, type PrincipalsStepProps } from './PrincipalsStep';
export { ResourcePicker, type ResourcePickerProps } from './ResourcePicker';
export { stepHref } from './href';
export type * from './types';
