import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config';

const AZURE =
  'DefaultEndpointsProtocol=https;AccountName=pcsafeguarding;AccountKey=c2VjcmV0LWtleS1ub3QtcmVhbA==;EndpointSuffix=core.windows.net';

describe('storage settings from the environment', () => {
  it('keeps state in memory by default, with a 30-minute screening timeout', () => {
    expect(loadConfig({})).toMatchObject({ storage: { kind: 'memory' }, screeningTimeoutMinutes: 30 });
  });

  it('uses blob storage with a connection string and a container', () => {
    expect(
      loadConfig({
        STORAGE: 'blob',
        AZURE_STORAGE_CONNECTION_STRING: AZURE,
        AZURE_STORAGE_CONTAINER: 'bot-state',
      }).storage,
    ).toEqual({ kind: 'blob', connectionString: AZURE, container: 'bot-state' });
  });

  it.each([
    'UseDevelopmentStorage=true',
    'BlobEndpoint=https://acct.blob.core.windows.net;SharedAccessSignature=sv=2024-01-01&sig=abc%3D',
    'DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=a2V5;BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;',
  ])('accepts the connection string %s', (connection) => {
    expect(
      loadConfig({
        STORAGE: 'blob',
        AZURE_STORAGE_CONNECTION_STRING: connection,
        AZURE_STORAGE_CONTAINER: 'abc',
      }).storage.kind,
    ).toBe('blob');
  });

  it('takes the screening timeout from SCREENING_TIMEOUT_MINUTES', () => {
    expect(loadConfig({ SCREENING_TIMEOUT_MINUTES: '5' }).screeningTimeoutMinutes).toBe(5);
  });

  it.each([
    [{ STORAGE: 'cosmos' }, /^Configuration error: STORAGE: expected memory or blob \(got "cosmos"\)$/],
    [
      { STORAGE: 'blob', AZURE_STORAGE_CONTAINER: 'bot-state' },
      /^Configuration error: AZURE_STORAGE_CONNECTION_STRING: required when STORAGE is blob/,
    ],
    [
      { STORAGE: 'blob', AZURE_STORAGE_CONNECTION_STRING: AZURE },
      /^Configuration error: AZURE_STORAGE_CONTAINER: required when STORAGE is blob/,
    ],
    [
      { STORAGE: 'blob', AZURE_STORAGE_CONNECTION_STRING: AZURE, AZURE_STORAGE_CONTAINER: 'Bot_State' },
      /^Configuration error: AZURE_STORAGE_CONTAINER: expected a container name of 3 to 63 lower-case/,
    ],
    [
      {
        STORAGE: 'blob',
        AZURE_STORAGE_CONNECTION_STRING: 'https://acct.blob.core.windows.net',
        AZURE_STORAGE_CONTAINER: 'abc',
      },
      /^Configuration error: AZURE_STORAGE_CONNECTION_STRING: expected an Azure Storage connection string/,
    ],
    [
      {
        STORAGE: 'blob',
        AZURE_STORAGE_CONNECTION_STRING: 'AccountName=acct;AccountKey=not base64!',
        AZURE_STORAGE_CONTAINER: 'abc',
      },
      /^Configuration error: AZURE_STORAGE_CONNECTION_STRING: expected an Azure Storage connection string/,
    ],
    [
      { SCREENING_TIMEOUT_MINUTES: '0' },
      /^Configuration error: SCREENING_TIMEOUT_MINUTES: expected a whole number/,
    ],
    [{ SCREENING_TIMEOUT_MINUTES: 'half an hour' }, /^Configuration error: SCREENING_TIMEOUT_MINUTES: /],
  ])('stops with one line naming the variable for %o', (env, message) => {
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('never echoes the connection string, which holds the account key', () => {
    const leaky = 'AccountName=acct;AccountKey=not base64!';
    let message = '';
    try {
      loadConfig({ STORAGE: 'blob', AZURE_STORAGE_CONNECTION_STRING: leaky, AZURE_STORAGE_CONTAINER: 'abc' });
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).toMatch(/AZURE_STORAGE_CONNECTION_STRING/);
    expect(message).not.toContain('not base64');
    expect(message).not.toContain('\n');
  });
});
