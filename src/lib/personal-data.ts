/**
 * The personal-data guard: resident ID numbers, mainland mobile numbers and
 * bank card numbers in text that is about to be published. Each kind is
 * matched loosely and then confirmed (check digit, birth date, Luhn), so that
 * dates, 文号, phone landlines, amounts and order numbers do not trip it.
 */
import { daysInMonth } from './dates.ts';
import type { FieldProblem } from './problems.ts';

/** What was found. */
export type PersonalDataKind = 'idNumber' | 'mobile' | 'bankCard';

/** One finding: the text matched, its masked form, where it starts and its 1-based line. */
export interface PersonalDataHit {
	kind: PersonalDataKind;
	match: string;
	masked: string;
	index: number;
	line: number;
}

// Numbers must stand alone: a digit (or a `*` of a masked number) glued to
// either side means the run is part of something longer.
const ID_NUMBER = /(?<![0-9*])[0-9]{17}[0-9Xx](?![0-9*])/g;
const MOBILE = /(?<![0-9*])(?:(?:\+|00)?86[ -]?)?1[3-9][0-9][ -]?[0-9]{4}[ -]?[0-9]{4}(?![0-9*])/g;
// `X` after a 17-digit run is an ID number with a bad check digit, not a card.
const BANK_CARD =
	/(?<![0-9*])(?:[0-9]{16,19}|[0-9]{4}(?:[ -][0-9]{4}){3}(?:[ -][0-9]{1,3})?)(?![0-9*Xx])/g;

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** Every ID number, mobile number and bank card number in `text`, in text order. */
export function findPersonalData(text: string): PersonalDataHit[] {
	const hits: PersonalDataHit[] = [];
	// Most specific first: a valid ID is never also reported as a card, and a
	// card's digits never as a phone number.
	collect(text, ID_NUMBER, 'idNumber', isValidIdNumber, maskIdNumber, hits);
	collect(text, BANK_CARD, 'bankCard', (m) => isCardNumber(digitsOf(m)), maskBankCard, hits);
	collect(text, MOBILE, 'mobile', () => true, maskMobile, hits);
	return hits.sort((a, b) => a.index - b.index);
}

/** True for an 18-character resident ID number (GB 11643): region, plausible birth date, valid check digit. */
export function isValidIdNumber(id: string): boolean {
	// Region codes start with 1–8 (the first digit is the macro-region).
	if (!/^[1-8][0-9]{16}[0-9Xx]$/.test(id)) return false;
	if (!plausibleBirthDate(id.slice(6, 14))) return false;
	const sum = ID_WEIGHTS.reduce((acc, weight, i) => acc + weight * Number(id[i]), 0);
	return ID_CHECK[sum % 11] === id[17]!.toUpperCase();
}

/** True when a string of digits passes the Luhn check used by bank card numbers. */
export function luhnValid(digits: string): boolean {
	if (!/^[0-9]{2,}$/.test(digits)) return false;
	let sum = 0;
	for (let i = 0; i < digits.length; i++) {
		let d = Number(digits[digits.length - 1 - i]);
		if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
		sum += d;
	}
	return sum % 10 === 0;
}

/** `430102********1234`: the region and the last four stay, the birth date goes. */
export function maskIdNumber(id: string): string {
	return `${id.slice(0, 6)}${'*'.repeat(8)}${id.slice(-4)}`;
}

/** `138****5678`, whatever the prefix and separators were. */
export function maskMobile(m: string): string {
	const digits = digitsOf(m).slice(-11);
	return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
}

/** `622202*********1234`: first six and last four digits, one star per hidden digit. */
export function maskBankCard(card: string): string {
	const digits = digitsOf(card);
	return `${digits.slice(0, 6)}${'*'.repeat(Math.max(0, digits.length - 10))}${digits.slice(-4)}`;
}

/** Each finding in `text` as a problem on `field`, carrying only the masked form and the line. */
export function personalDataProblems(text: string, field: string): FieldProblem[] {
	return findPersonalData(text).map((hit) => ({
		field,
		code: CODES[hit.kind],
		params: { masked: hit.masked, line: hit.line },
		line: hit.line,
	}));
}

const CODES: Record<PersonalDataKind, string> = {
	idNumber: 'personalIdNumber',
	mobile: 'personalMobile',
	bankCard: 'personalBankCard',
};

// YYYYMMDD in 1900–2099 that exists on the calendar.
function plausibleBirthDate(yyyymmdd: string): boolean {
	const year = Number(yyyymmdd.slice(0, 4));
	const month = Number(yyyymmdd.slice(4, 6));
	const day = Number(yyyymmdd.slice(6, 8));
	if (year < 1900 || year > 2099 || month < 1 || month > 12) return false;
	return day >= 1 && day <= daysInMonth(year, month);
}

// A union's own 统一社会信用代码 (18 characters, often all digits, starting
// 81 for 工会) is published on purpose; one passing its GB 32100 check is no card.
function isCardNumber(digits: string): boolean {
	if (digits.length < 16 || digits.length > 19 || !luhnValid(digits)) return false;
	return !isValidIdNumber(digits) && !(digits.length === 18 && isCreditCode(digits));
}

const CREDIT_CODE_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

function isCreditCode(digits: string): boolean {
	const sum = CREDIT_CODE_WEIGHTS.reduce((acc, weight, i) => acc + weight * Number(digits[i]), 0);
	return (31 - (sum % 31)) % 31 === Number(digits[17]);
}

function collect(
	text: string,
	pattern: RegExp,
	kind: PersonalDataKind,
	confirm: (match: string) => boolean,
	mask: (match: string) => string,
	hits: PersonalDataHit[],
): void {
	for (const m of text.matchAll(pattern)) {
		const index = m.index;
		const end = index + m[0].length;
		if (!confirm(m[0])) continue;
		if (hits.some((h) => index < h.index + h.match.length && h.index < end)) continue;
		hits.push({ kind, match: m[0], masked: mask(m[0]), index, line: lineAt(text, index) });
	}
}

function lineAt(text: string, index: number): number {
	let line = 1;
	for (let i = text.indexOf('\n'); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) line++;
	return line;
}

function digitsOf(value: string): string {
	return value.replace(/[^0-9]/g, '');
}
