import rule from './webhooks-tested-end-to-end.js';
import { ruleTester } from '../test/support/rule-tester.js';
import { attestationCases } from '../test/support/attestation-cases.js';

ruleTester(rule, attestationCases(['webhooks-tested-end-to-end']));
