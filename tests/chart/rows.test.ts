import { describe, expect, it } from 'vitest';
import { RowPacker } from '../../src/chart/rows.js';

describe('packing intervals into rows', () => {
  it('puts each interval in the lowest row where it touches nothing, gap included', () => {
    const packer = new RowPacker(3, 2);
    expect(packer.place(0, 10)).toBe(0);
    expect(packer.place(11, 20)).toBe(1); // 1 pixel after the first: closer than the gap
    expect(packer.place(12, 20)).toBe(0);
    expect(packer.place(-30, -5)).toBe(0); // before everything in row 0
    expect(packer.place(5, 8)).toBe(1); // ends 3 pixels before row 1's interval
    expect(packer.place(5, 8)).toBe(2);
    expect(packer.place(5, 8)).toBeNull();
    expect(packer.usedRows()).toBe(3);
  });

  it('answers whether an interval would fit without placing it', () => {
    const packer = new RowPacker(1, 0);
    packer.place(0, 10);
    packer.place(20, 30);
    expect(packer.hasRoom(10, 20)).toBe(true);
    expect(packer.hasRoom(9, 20)).toBe(false);
    expect(packer.place(10, 20)).toBe(0);
    expect(packer.hasRoom(10, 20)).toBe(false);
  });
});
