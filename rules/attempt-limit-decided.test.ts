import rule from './attempt-limit-decided.js';
import { ruleTester } from '../test/support/rule-tester.js';
import { attestationCases } from '../test/support/attestation-cases.js';

ruleTester(rule, attestationCases(['attempt-limit-decided']));
