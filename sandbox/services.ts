// The services the sandbox serves, by folder. Each import is a service's ServiceDefinition;
// add a line when a service folder gains its index.ts.
import acmpca from './acmpca/index.js';
import type { ServiceDefinition } from './core/types.js';
import ec2 from './ec2/index.js';
import iam from './iam/index.js';
import licensemanager from './licensemanager/index.js';
import organizations from './organizations/index.js';
import ram from './ram/index.js';
import route53resolver from './route53resolver/index.js';
import sts from './sts/index.js';

export const services: ServiceDefinition[] = [iam, sts, organizations, ram, ec2, route53resolver, licensemanager, acmpca];
