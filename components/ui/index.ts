// The console's small UI primitives, one a file; pages import them from here.
export { Alert, type AlertTone } from './Alert';
export { Badge, type BadgeTone } from './Badge';
export { Button, buttonClass, type ButtonVariant } from './Button';
export { Card } from './Card';
export { CodeBlock } from './CodeBlock';
export { ConfirmDialog } from './ConfirmDialog';
export { Field, inputClass } from './Field';
export { FilterForm, type FilterField } from './FilterForm';
export { Link } from './Link';
export { NavigationPending, PagePending } from './PagePending';
export { PageTitle } from './PageTitle';
export { Pager } from './Pager';
export { Reading } from './Reading';
export { Steps, type StepItem } from './Steps';
export { Cell, Table } from './Table';
