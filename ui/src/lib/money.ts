// How money reads: integer minor units and an ISO 4217 code (the core's `Money`) written in the
// owner's locale with Intl ("12,50 €", "¥1,250"), and the amount as a price box holds it ("12.50").
// Pure display: never a float sum, never a rounding rule; amounts are added up by the core.
import type { BusinessSettings } from './bindings/BusinessSettings';
import type { Money } from './bindings/Money';

type Locales = string | string[] | undefined;

/** Digits after the decimal point of `currency` (EUR 2, JPY 0, KWD 3), as Intl knows them. */
export function fractionDigits(currency: string, locales?: Locales): number {
  const format = currencyFormat(currency, locales);
  return format ? (format.resolvedOptions().maximumFractionDigits ?? 2) : 2;
}

/** `minor` units of `currency` in the owner's locale: "€12.50" (en-GB), "12,50 €" (de), "¥1,250". */
export function formatMinor(minor: number, currency: string, locales?: Locales): string {
  const format = currencyFormat(currency, locales);
  if (!format) return `${majorAmount(minor, 2)} ${currency}`;
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(minor / 10 ** digits);
}

export function formatMoney(money: Money, locales?: Locales): string {
  return formatMinor(money.minor, money.currency, locales);
}

/** A short amount for a chart's axis: "€1.2K", "¥35K". */
export function formatMinorShort(minor: number, currency: string, locales?: Locales): string {
  const digits = fractionDigits(currency, locales);
  try {
    return new Intl.NumberFormat(locales, { style: 'currency', currency, notation: 'compact', minimumFractionDigits: 0, maximumFractionDigits: 1 }).format(
      minor / 10 ** digits,
    );
  } catch {
    return formatMinor(minor, currency, locales);
  }
}

/**
 * An amount as typed into a price box, in major units with a dot and the currency's decimals:
 * 1250 EUR → "12.50", 1250 JPY → "1250". The core reads it back exactly (no float on the way).
 */
export function priceText(money: Money): string {
  return majorAmount(money.minor, fractionDigits(money.currency));
}

/** Whole numbers ("1,204" in en-GB), for quantities and counts. */
export function formatNumber(value: number, locales?: Locales): string {
  return new Intl.NumberFormat(locales).format(value);
}

/**
 * The currency orders and insights are in: the business currency of Settings, or EUR, as the
 * core takes it when none (or no valid code) is set.
 */
export function businessCurrency(business: BusinessSettings): string {
  const code = business.currency?.trim().toUpperCase() ?? '';
  return /^[A-Z]{3}$/.test(code) && currencyFormat(code, undefined) !== null ? code : 'EUR';
}

function majorAmount(minor: number, digits: number): string {
  const sign = minor < 0 ? '-' : '';
  const abs = Math.abs(Math.trunc(minor));
  if (digits === 0) return `${sign}${abs}`;
  const scale = 10 ** digits;
  return `${sign}${Math.trunc(abs / scale)}.${String(abs % scale).padStart(digits, '0')}`;
}

/** Intl's currency format, or null for a code it cannot take (not three letters). */
function currencyFormat(currency: string, locales: Locales): Intl.NumberFormat | null {
  try {
    return new Intl.NumberFormat(locales, { style: 'currency', currency });
  } catch {
    return null;
  }
}
