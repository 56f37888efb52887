import rule from './alternative-verification-offered.js';
import { ruleTester } from '../test/support/rule-tester.js';
import { attestationCases } from '../test/support/attestation-cases.js';

ruleTester(rule, attestationCases(['alternative-verification-offered']));
