import { describe, expect, it } from 'vitest';
import {
	findPersonalData,
	isValidIdNumber,
	luhnValid,
	maskBankCard,
	maskIdNumber,
	maskMobile,
	personalDataProblems,
} from '../../src/lib/personal-data.ts';

// Test numbers are made here, never copied from real people or cards.
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
/** An ID number with a correct check digit: region + birth date (YYYYMMDD) + 3-digit sequence. */
function idNumber(region: string, birth: string, sequence: string): string {
	const body = `${region}${birth}${sequence}`;
	const sum = ID_WEIGHTS.reduce((acc, w, i) => acc + w * Number(body[i]), 0);
	return body + '10X98765432'[sum % 11];
}
/** `digits` completed with a Luhn check digit. */
function luhnCard(digits: string): string {
	for (let d = 0; d <= 9; d++) if (luhnValid(`${digits}${d}`)) return `${digits}${d}`;
	throw new Error('unreachable');
}
/** The first value `make(sequence)` (sequence 001–999) that passes `test`. */
function first(make: (sequence: string) => string, test: (value: string) => boolean): string {
	for (let n = 1; n < 1000; n++) {
		const value = make(String(n).padStart(3, '0'));
		if (test(value)) return value;
	}
	throw new Error('no such value in range');
}
/** An ID-shaped value that is not a card number either, so only the ID rules decide. */
const noCard = (make: (sequence: string) => string) =>
	first(make, (v) => !luhnValid(v.replace(/[^0-9]/g, '')));
const wrongCheckDigit = (id: string) => id.slice(0, 17) + (id[17] === '0' ? '1' : '0');
const born1990 = (sequence: string) => idNumber('110101', '19900307', sequence);

const ID = born1990('001');
const ID_X = first(
	(seq) => idNumber('110101', '19851120', seq),
	(id) => id.endsWith('X'),
);
/** A valid ID number whose 18 digits also pass Luhn: it must count as an ID, not a card. */
const ID_LUHN = first(born1990, (id) => /^[0-9]{18}$/.test(id) && luhnValid(id));
/** 17 digits that pass Luhn (as a 17-digit card would), then an X that is the wrong check digit. */
const WRONG_X = first(
	(seq) => `${born1990(seq).slice(0, 17)}X`,
	(v) => luhnValid(v.slice(0, 17)) && !isValidIdNumber(v),
);
const CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
/** An all-digit 统一社会信用代码 (GB 32100) that also passes Luhn, so only the credit-code rule spares it. */
const CREDIT_CODE = first(
	(seq) => {
		const body = `81320500${seq}123456`;
		const check = (31 - (CREDIT_WEIGHTS.reduce((a, w, i) => a + w * Number(body[i]), 0) % 31)) % 31;
		return check < 10 ? `${body}${check}` : '';
	},
	(code) => code !== '' && luhnValid(code),
);
const CARD16 = luhnCard('622202123456789');
const CARD19 = luhnCard('621700123456789012');
const group4 = (digits: string, sep: string) => digits.match(/.{1,4}/g)!.join(sep);

describe('isValidIdNumber', () => {
	it.each([
		['a number with its check digit', ID, true],
		['a check digit X', ID_X, true],
		['a lower-case check digit x', ID_X.toLowerCase(), true],
		['a wrong check digit', wrongCheckDigit(ID), false],
		[
			'a birth date that does not exist (30 February)',
			idNumber('110101', '19900230', '001'),
			false,
		],
		['29 February in a leap year', idNumber('110101', '20000229', '001'), true],
		['a birth year before 1900', idNumber('110101', '18991231', '001'), false],
		['a region code starting with 9', idNumber('910101', '19900307', '001'), false],
		['17 characters', ID.slice(0, 17), false],
		['an X in the middle', `${ID.slice(0, 5)}X${ID.slice(6)}`, false],
	])('judges %s: %s → %s', (_name, id, expected) => {
		expect(isValidIdNumber(id)).toBe(expected);
	});
});

describe('luhnValid', () => {
	it.each([
		['4111111111111111', true],
		['4111111111111112', false],
		[CARD16, true],
		[CARD19, true],
		['79927398713', true],
		['0', false],
		['4111 1111 1111 1111', false],
	])('judges %s as %s', (digits, expected) => {
		expect(luhnValid(digits)).toBe(expected);
	});
});

describe('masks', () => {
	it.each([
		[maskIdNumber, '430102199003071234', '430102********1234'],
		[maskIdNumber, ID_X, `110101********${ID_X.slice(-4)}`],
		[maskMobile, '13812345678', '138****5678'],
		[maskMobile, '+86 138-1234-5678', '138****5678'],
		[maskBankCard, '6222021234567891234', '622202*********1234'],
		[maskBankCard, '6222 0212 3456 7890', '622202******7890'],
	])('%o masks %s as %s', (mask, value, expected) => {
		expect(mask(value)).toBe(expected);
	});
});

describe('findPersonalData finds', () => {
	it.each([
		['an ID number in a sentence', `身份证号${ID}。`, 'idNumber', ID],
		['an ID number ending in X', `证件：${ID_X}`, 'idNumber', ID_X],
		[
			'an ID number ending in lower-case x',
			`证件：${ID_X.toLowerCase()}`,
			'idNumber',
			ID_X.toLowerCase(),
		],
		['an ID number that also passes Luhn, as an ID', `号码 ${ID_LUHN}`, 'idNumber', ID_LUHN],
		['a mobile number', '联系人：张三 13812345678', 'mobile', '13812345678'],
		[
			'a mobile number in 3-4-4 groups with spaces',
			'电话 138 1234 5678',
			'mobile',
			'138 1234 5678',
		],
		[
			'a mobile number in 3-4-4 groups with dashes',
			'电话 159-1234-5678',
			'mobile',
			'159-1234-5678',
		],
		['a mobile number with +86', '+86 138 1234 5678', 'mobile', '+86 138 1234 5678'],
		['a mobile number with +86 and no space', '+8613812345678', 'mobile', '+8613812345678'],
		['a mobile number with 0086', '0086-19912345678', 'mobile', '0086-19912345678'],
		['a mobile number with 86', '86 17712345678', 'mobile', '86 17712345678'],
		['a mobile number next to Latin letters', 'Tel13812345678', 'mobile', '13812345678'],
		['a 16-digit card number', `卡号${CARD16}`, 'bankCard', CARD16],
		['a 19-digit card number', `卡号：${CARD19}`, 'bankCard', CARD19],
		[
			'a card number in groups of four',
			`卡号 ${group4(CARD16, ' ')}`,
			'bankCard',
			group4(CARD16, ' '),
		],
		[
			'a card number in groups of four with dashes',
			`${group4(CARD16, '-')}。`,
			'bankCard',
			group4(CARD16, '-'),
		],
		[
			'a 19-digit card number in groups (4-4-4-4-3)',
			`卡号 ${group4(CARD19, ' ')}`,
			'bankCard',
			group4(CARD19, ' '),
		],
	])('%s', (_name, text, kind, match) => {
		expect(findPersonalData(text)).toMatchObject([{ kind, match }]);
	});
});

describe('findPersonalData leaves alone', () => {
	it.each([
		['a landline with area code', '办公室电话 0512-66881234'],
		['a landline in brackets', '(010) 12345678'],
		['a service number', '10086'],
		['a compact date', '20251008'],
		['a date and time', '2025-10-08 09:30'],
		['a 文号', '工发〔2025〕3号'],
		['an amount with thousands separators', '¥12,345.67'],
		['a large amount', '共计 1234567.89 元'],
		['a postcode', '邮编 215000'],
		['a 15-digit number', '110101900307001'],
		['17 digits and an X with a wrong check digit, even when the digits pass Luhn', WRONG_X],
		[
			'an ID-shaped number with a wrong check digit',
			noCard((seq) => wrongCheckDigit(born1990(seq))),
		],
		[
			'an ID-shaped number with an impossible birth date',
			noCard((seq) => idNumber('110101', '19901301', seq)),
		],
		['a masked ID number', '430102********1234'],
		['a masked mobile number', '138****5678'],
		['a masked card number', '622202*********1234'],
		['a 12-digit run that contains a mobile number', '138123456789'],
		['an 11-digit number that is no mobile', '12812345678'],
		['a 16-digit number that fails Luhn', `${CARD16.slice(0, 15)}${(Number(CARD16[15]) + 1) % 10}`],
		['a 20-digit number', `${CARD19}0`],
		['plain Chinese text', '安康杯竞赛第一名：技术中心'],
		['a union’s 统一社会信用代码 that happens to pass Luhn', `统一社会信用代码：${CREDIT_CODE}`],
	])('%s', (_name, text) => {
		expect(findPersonalData(text)).toEqual([]);
	});
});

describe('findPersonalData positions', () => {
	it('reports every hit with its index and 1-based line, in text order', () => {
		const text = `第一行\n联系 13812345678，卡号 ${CARD16}\n\n证件 ${ID}`;
		expect(findPersonalData(text)).toEqual([
			{
				kind: 'mobile',
				match: '13812345678',
				masked: '138****5678',
				index: text.indexOf('138'),
				line: 2,
			},
			{
				kind: 'bankCard',
				match: CARD16,
				masked: maskBankCard(CARD16),
				index: text.indexOf(CARD16),
				line: 2,
			},
			{ kind: 'idNumber', match: ID, masked: maskIdNumber(ID), index: text.indexOf(ID), line: 4 },
		]);
	});
});

describe('personalDataProblems', () => {
	it.each([
		['personalIdNumber', `a\n${ID}`, 2, maskIdNumber(ID)],
		['personalMobile', '电话 138-1234-5678', 1, '138****5678'],
		['personalBankCard', `\n\n\n${CARD19}`, 4, maskBankCard(CARD19)],
	])('reports %s with only the masked form and the line', (code, text, line, masked) => {
		const problems = personalDataProblems(text, 'body');
		expect(problems).toEqual([{ field: 'body', code, params: { masked, line }, line }]);
		expect(JSON.stringify(problems)).not.toContain(text.trim());
	});
});
