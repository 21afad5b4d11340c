import { describe, expect, it } from 'vitest';
import { invalidAllowEntries, judgeAddress } from '../../src/extract/address-policy.js';

const strict = { allowPrivate: [] };

describe('which addresses a link may reach', () => {
  it.each([
    ['127.0.0.1', 'a loopback address'],
    ['::1', 'a loopback address'],
    ['10.1.2.3', 'a private-network address (RFC 1918)'],
    ['172.16.0.1', 'a private-network address (RFC 1918)'],
    ['192.168.1.1', 'a private-network address (RFC 1918)'],
    ['100.64.0.1', 'a carrier-grade NAT address'],
    ['169.254.169.254', 'a link-local address (the range of the cloud metadata service)'],
    ['fe80::1', 'a link-local address (the range of the cloud metadata service)'],
    ['fd12:3456::1', 'a private IPv6 address (fc00::/7)'],
    ['::ffff:127.0.0.1', 'a loopback address'],
    ['::ffff:169.254.169.254', 'a link-local address (the range of the cloud metadata service)'],
    ['0.0.0.0', 'the unspecified address'],
  ])('refuses %s as %s by default', (address, range) => {
    expect(judgeAddress(address, strict)).toEqual({ allowed: false, range });
  });

  it.each(['93.184.215.14', '8.8.8.8', '2606:4700::1111'])('allows the public address %s', (address) => {
    expect(judgeAddress(address, strict)).toEqual({ allowed: true });
  });

  it('allows exactly what the allow-list names, by address or CIDR range', () => {
    expect(judgeAddress('127.0.0.1', { allowPrivate: ['127.0.0.1'] })).toEqual({ allowed: true });
    expect(judgeAddress('127.0.0.2', { allowPrivate: ['127.0.0.1'] }).allowed).toBe(false);
    expect(judgeAddress('127.0.0.2', { allowPrivate: ['127.0.0.0/8'] })).toEqual({ allowed: true });
    expect(judgeAddress('::ffff:127.0.0.1', { allowPrivate: ['127.0.0.1'] })).toEqual({ allowed: true });
    expect(judgeAddress('10.0.0.1', { allowPrivate: ['127.0.0.0/8'] }).allowed).toBe(false);
  });

  it('lists allow-list entries that are neither an address nor a range', () => {
    expect(invalidAllowEntries(['127.0.0.1', '10.0.0.0/8', 'localhost', '300.1.1.1'])).toEqual(['localhost', '300.1.1.1']);
  });
});
