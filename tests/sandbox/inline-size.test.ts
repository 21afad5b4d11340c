import { describe, expect, it } from 'vitest';
import { inlineSize } from '../../web/src/components/inline-size.js';

describe('the size an image attachment is shown at', () => {
  it('scales a wide picture down to 550 pixels wide, keeping its shape', () => {
    expect(inlineSize(1200, 517)).toEqual({ width: 550, height: 237 });
  });

  it('scales a tall picture down to 350 pixels high', () => {
    expect(inlineSize(400, 1000)).toEqual({ width: 140, height: 350 });
  });

  it('never enlarges a small picture', () => {
    expect(inlineSize(120, 80)).toEqual({ width: 120, height: 80 });
  });
});
