// Protects: which Regions an organization-wide read covers in an account — CROSSING_REGIONS exactly when set,
// else the account's enabled Regions (the default ones while unknown), narrowed to where the service is in use.
import { describe, expect, it } from 'vitest';
import { regionsToRead } from './regions';

const fallback = ['us-east-1', 'eu-west-1'];

describe('regionsToRead', () => {
  it('reads the pinned Regions whatever the account has enabled', () => {
    expect(regionsToRead({ pinned: ['ap-east-1'], enabled: ['us-east-1'], fallback })).toEqual(['ap-east-1']);
  });

  it("reads the account's enabled Regions, an opted-in one included, and the default ones while they are unknown", () => {
    expect(regionsToRead({ enabled: ['af-south-1', 'us-east-1'], fallback })).toEqual(['af-south-1', 'us-east-1']);
    expect(regionsToRead({ fallback })).toEqual(fallback);
  });

  it('keeps only the enabled Regions where the service is in use', () => {
    expect(regionsToRead({ enabled: ['af-south-1', 'eu-west-1', 'us-east-1'], fallback, used: new Set(['us-east-1', 'ap-east-1']) })).toEqual(['us-east-1']);
  });
});
