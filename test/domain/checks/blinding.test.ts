import {
  blindText,
  blindTexts,
  describeRemoved,
  inspectorLabels,
} from '../../../src/domain/checks/blinding';

const KNOWN = ['Ann Hall', "Siobhan O'Brien", 'Mary-Jane Smith', 'Sam Patel', 'bob'];
const blind = (text: string, names: readonly string[] = KNOWN) => blindText(text, names).text;

describe('blinding findings before they leave the panel (Southampton TI: "blinded and anonymous")', () => {
  describe('names of people the bot knows', () => {
    it('removes a full name in any case, and its parts when capitalised', () => {
      expect(blind('Ann Hall let us in')).toBe('[name] let us in');
      expect(blind('ANN HALL let us in; ann hall again')).toBe('[name] let us in; [name] again');
      expect(blind('Mrs Hall was helpful and Ann smiled')).toBe(
        'Mrs [name] was helpful and [name] smiled',
      );
    });

    it('keeps ordinary words that a name part spells in lower case', () => {
      expect(blind('The hall was clean')).toBe('The hall was clean');
      expect(blind('Sam said the sample was fine')).toBe('[name] said the sample was fine');
    });

    it('never matches part of a longer word', () => {
      expect(blind('Annual planning with Annabel in Hallam and Samuel')).toBe(
        'Annual planning with Annabel in Hallam and Samuel',
      );
      expect(blind('The bobbin and the bobsleigh')).toBe('The bobbin and the bobsleigh');
    });

    it('handles apostrophes, either kind, and possessives', () => {
      expect(blind("Siobhan O'Brien phoned")).toBe('[name] phoned');
      expect(blind('siobhan o’brien phoned')).toBe('[name] phoned');
      expect(blind("Mrs O'Brien's kitchen")).toBe("Mrs [name]'s kitchen");
      expect(blind("Ann Hall's door")).toBe("[name]'s door");
    });

    it('handles hyphenated names, and does not take a part out of a different hyphenated name', () => {
      expect(blind('Mary-Jane Smith answered')).toBe('[name] answered');
      expect(blind('mary-jane smith answered')).toBe('[name] answered');
      expect(blind('Mary-Jane answered')).toBe('[name] answered');
      expect(blind('Ms Smith-Jones answered', ['Jo Smith'])).toBe('Ms Smith-Jones answered');
    });

    it('matches a one-word display name as typed in Slack, in any case', () => {
      expect(blind('Bob showed us round')).toBe('[name] showed us round');
    });

    it('copes with extra spaces inside a name and with names that are blank or one letter', () => {
      expect(blind('Ann   Hall came', ['Ann Hall', ' ', 'J'])).toBe('[name] came');
    });
  });

  describe('postcodes', () => {
    it.each(['L1 8JQ', 'SO14 7LY', 'M32 0QQ', 'so14 7ly', 'SW1A 1AA', 'L18JQ', 'EC1A 1BB'])(
      'removes %s',
      (postcode) => {
        expect(blind(`The block at ${postcode} was tidy.`)).toBe(
          'The block at [postcode] was tidy.',
        );
      },
    );

    it('keeps a district on its own and words that look a little like postcodes', () => {
      expect(blind('Homes in SO14 and L1 were visited; A1 rated')).toBe(
        'Homes in SO14 and L1 were visited; A1 rated',
      );
    });
  });

  describe('addresses', () => {
    it.each([
      ['4 Elm Road', '[address]'],
      ['12a Church St.', '[address]'],
      ['27 Victoria Avenue', '[address]'],
      ['Flat 3, 27 Victoria Avenue', '[address]'],
      ['10 Downing Street', '[address]'],
      ['4 elm road', '[address]'],
      ['15 St John’s Close', '[address]'],
    ])('removes %s', (address, expected) => {
      expect(blind(`Visited ${address} today`)).toBe(`Visited ${expected} today`);
    });

    it('keeps numbers that are not house numbers', () => {
      expect(blind('It took 2 hours to park and 5 working days to close')).toBe(
        'It took 2 hours to park and 5 working days to close',
      );
    });

    it('removes the address and the postcode together', () => {
      expect(blind('4 Elm Road, Liverpool L1 8JQ')).toBe('[address], Liverpool [postcode]');
    });
  });

  describe('emails and phone numbers', () => {
    it('removes email addresses before names inside them', () => {
      expect(blind('Write to ann.hall@example.org please')).toBe('Write to [email] please');
    });

    it.each([
      '07700 900123',
      '07700900123',
      '0151 555 0199',
      '(0151) 555-0199',
      '+44 7700 900123',
      '+44 (0)151 555 0199',
    ])('removes %s', (phone) => {
      expect(blind(`Call ${phone} now`)).toBe('Call [phone] now');
    });

    it('keeps figures that are not phone numbers', () => {
      expect(blind('Answered 95.5% of 12345 calls in 2021')).toBe(
        'Answered 95.5% of 12345 calls in 2021',
      );
    });
  });

  it('counts what it removed, by kind, and says it in words', () => {
    const out = blindText(
      'Ann Hall at 4 Elm Road, L1 8JQ (ann@example.org, 07700 900123) met Sam Patel',
      KNOWN,
    );
    expect(out.text).toBe('[name] at [address], [postcode] ([email], [phone]) met [name]');
    expect(out.removed).toEqual({ name: 2, postcode: 1, address: 1, email: 1, phone: 1 });
    expect(describeRemoved(out.removed)).toBe(
      '2 names, 1 postcode, 1 address, 1 email address, 1 phone number',
    );
    expect(describeRemoved(blindText('All fine', KNOWN).removed)).toBe('nothing');
  });

  it('blinds several texts with one total', () => {
    const out = blindTexts(['Ann was kind', 'Bob at SO14 7LY'], KNOWN);
    expect(out.texts).toEqual(['[name] was kind', '[name] at [postcode]']);
    expect(out.removed).toMatchObject({ name: 2, postcode: 1 });
  });

  it('leaves text with nothing to remove exactly as it was', () => {
    const text = 'Repairs line answered within 2 minutes; the call handler was polite.';
    expect(blind(text)).toBe(text);
  });

  it('numbers inspectors in the order given, once each', () => {
    const labels = inspectorLabels(['p2', 'p1', 'p2', 'p3']);
    expect([...labels.entries()]).toEqual([
      ['p2', 'Inspector 1'],
      ['p1', 'Inspector 2'],
      ['p3', 'Inspector 3'],
    ]);
  });
});
