// Test code is evidence of intent, not of production behaviour: a call that only a test makes
// does not count. Recognised by the conventions of the seven ecosystems.

const TEST_DIRECTORIES = new Set(['test', 'tests', 'spec', 'specs', '__tests__', '__mocks__', 'testdata', 'test_data', 'e2e', 'cypress', 'playwright', 'testing']);

const TEST_FILE_NAMES: readonly RegExp[] = [
  /\.(?:test|spec|e2e)\.[cm]?[jt]sx?$/, // Node
  /^test_.*\.py$/, /_test\.py$/, /^conftest\.py$/, // Python
  /_spec\.rb$/, /_test\.rb$/, // Ruby
  /Test\.php$/, // PHP
  /_test\.go$/, // Go
  /(?:Test|Tests|IT|Spec)\.(?:java|kt|groovy|scala)$/, // Java
  /(?:Test|Tests|Spec)\.cs$/, // .NET
];

/** `path` is relative to the scanned root, with forward slashes. */
export function isTestPath(path: string): boolean {
  const segments = path.split('/');
  const base = segments.pop() ?? '';
  if (TEST_FILE_NAMES.some((pattern) => pattern.test(base))) return true;
  // .NET test projects: MyApp.Tests/, MyApp.UnitTests/
  return segments.some((segment) => TEST_DIRECTORIES.has(segment.toLowerCase()) || /\.(?:Unit|Integration)?Tests?$/.test(segment));
}
