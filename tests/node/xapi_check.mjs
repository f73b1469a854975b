// Checks xAPI statements with xapi-validation (Learning Locker's validator of the xAPI 1.0.3
// statement rules): used by the Node and browser tests of every path that emits statements.
import assert from 'node:assert/strict';
import xapiValidation from 'xapi-validation';

const validate = xapiValidation.default;

/** Fails with each rule a statement breaks, by its path in the statement. */
export function assertValidStatement(statement, label = 'statement') {
  const warnings = validate(statement);
  assert.deepEqual(warnings.map((w) => `${w.path.join('.')}: ${w.name}${w.typeName ? ` (${w.typeName})` : ''} ${JSON.stringify(w.data)}`), [],
    `${label} is not a valid xAPI statement`);
}
