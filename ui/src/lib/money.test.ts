// Money from the core's minor units, in the owner's locale, with each currency's own decimals.
import { describe, expect, it } from 'vitest';
import { businessCurrency, formatMinor, formatMinorShort, formatMoney, formatNumber, fractionDigits, priceText } from './money';

describe('fractionDigits', () => {
  it('knows the decimals of each currency', () => {
    expect(fractionDigits('EUR')).toBe(2);
    expect(fractionDigits('JPY')).toBe(0);
    expect(fractionDigits('KWD')).toBe(3);
  });
});

describe('formatMoney', () => {
  it('writes EUR with two decimals in the owner locale', () => {
    expect(formatMoney({ minor: 1250, currency: 'EUR' }, 'en-GB')).toBe('€12.50');
    expect(formatMoney({ minor: 1250, currency: 'EUR' }, 'de-DE')).toBe('12,50\u00a0€');
    expect(formatMoney({ minor: 123456789, currency: 'EUR' }, 'en-GB')).toBe('€1,234,567.89');
  });

  it('writes JPY without decimals: 1250 minor units are 1,250 yen', () => {
    expect(formatMoney({ minor: 1250, currency: 'JPY' }, 'en-GB')).toBe('JP¥1,250');
    expect(formatMinor(1250, 'JPY', 'ja-JP')).toBe('￥1,250');
  });

  it('writes three decimals where the currency has them', () => {
    expect(formatMinor(1250, 'KWD', 'en-GB')).toBe('KWD\u00a01.250');
  });

  it('falls back to the amount and code for a code Intl cannot take', () => {
    expect(formatMinor(1250, 'euro', 'en-GB')).toBe('12.50 euro');
  });

  it('shortens amounts for a chart axis', () => {
    expect(formatMinorShort(125_000_00, 'EUR', 'en-GB')).toBe('€125k');
    expect(formatMinorShort(1_250_00, 'EUR', 'en-GB')).toBe('€1.3k');
  });
});

describe('priceText', () => {
  it('gives the amount as a price box holds it, with the currency decimals', () => {
    expect(priceText({ minor: 1250, currency: 'EUR' })).toBe('12.50');
    expect(priceText({ minor: 5, currency: 'EUR' })).toBe('0.05');
    expect(priceText({ minor: 1250, currency: 'JPY' })).toBe('1250');
    expect(priceText({ minor: 1250, currency: 'KWD' })).toBe('1.250');
    expect(priceText({ minor: 10_000_000_000_000, currency: 'EUR' })).toBe('100000000000.00');
  });
});

describe('formatNumber', () => {
  it('groups digits in the owner locale', () => {
    expect(formatNumber(1204, 'en-GB')).toBe('1,204');
  });
});

describe('businessCurrency', () => {
  it('is the code set in Settings, else EUR like the core', () => {
    expect(businessCurrency({ currency: 'sek' })).toBe('SEK');
    expect(businessCurrency({ currency: ' JPY ' })).toBe('JPY');
    expect(businessCurrency({ currency: null })).toBe('EUR');
    expect(businessCurrency({})).toBe('EUR');
    expect(businessCurrency({ currency: 'kronor' })).toBe('EUR');
  });
});
