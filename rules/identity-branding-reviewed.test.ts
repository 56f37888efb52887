import rule from './identity-branding-reviewed.js';
import { ruleTester } from '../test/support/rule-tester.js';
import { attestationCases } from '../test/support/attestation-cases.js';

ruleTester(rule, attestationCases(['identity-branding-reviewed']));
