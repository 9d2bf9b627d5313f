import { describe, expect, it } from 'vitest';
import { additionalSubmission, type LogFieldsState } from './log-fields';

const ready: LogFieldsState = {
  state: 'ready',
  options: {
    deals: [{ const: 7, title: 'Acme - 20 robot arms' }],
    leads: [{ const: 'lead-uuid', title: 'Acme expansion' }],
  },
};

describe('additionalSubmission', () => {
  it('sends one link, in the type the CRM gave, even from a draft holding a deal and a lead', () => {
    expect(additionalSubmission(ready, { deals: '7' })).toEqual({ deals: 7 });
    expect(additionalSubmission(ready, { leads: 'lead-uuid' })).toEqual({ leads: 'lead-uuid' });
    // An older draft could hold both: Pipedrive refuses them together, so one goes.
    expect(Object.keys(additionalSubmission(ready, { deals: '7', leads: 'lead-uuid' }))).toEqual([
      'deals',
    ]);
  });

  it('sends nothing for "Nothing else", an option no longer offered, or fields not loaded', () => {
    expect(additionalSubmission(ready, {})).toEqual({});
    expect(additionalSubmission(ready, { deals: '8' })).toEqual({});
    expect(additionalSubmission({ state: 'loading' }, { deals: '7' })).toEqual({});
  });
});
