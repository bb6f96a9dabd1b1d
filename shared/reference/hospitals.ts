import type { TrustCode } from './trusts.ts';

/** How a hospital's code was chosen: an ODS site code where certain, otherwise a slug of its name. */
export type HospitalCodeSource = 'ods' | 'slug';

export interface Hospital {
  code: string;
  name: string;
  trust: TrustCode;
  codeSource: HospitalCodeSource;
  /** Town or city, for people reading a list. */
  town: string;
}

/**
 * Type 1 emergency departments (consultant-led, 24-hour A&E that ambulances convey to), grouped by
 * the ambulance trust whose area each hospital is in. A hospital that receives ambulances from two
 * trusts appears once, under the trust whose area it stands in.
 *
 * North East Ambulance Service (RX6) lists every type 1 department in its area. Every other trust
 * lists a representative set, not all of them, except the Isle of Wight (R1F), which has only one.
 *
 * Codes: the NHS Organisation Data Service (ODS) site code (the trust's three-character code plus a
 * two-character site suffix) where it is certain; otherwise a slug of the hospital's name (lower-case
 * kebab-case, e.g. 'south-tyneside-district-hospital'). An ODS code counts as certain when a published
 * site record gives it for that hospital under its current parent trust, and the code starts with that
 * trust's code. A hospital missing from those records, or whose records disagree (as some do after
 * trust mergers), gets a slug: a wrong ODS code is worse than none. See docs/REFERENCE_DATA.md.
 *
 * Source: NHS Organisation Data Service site records and the NHS website's hospital directory.
 * Contains public sector information licensed under the Open Government Licence v3.0.
 */
export const HOSPITALS: readonly Hospital[] = [
  // RX6 North East Ambulance Service: every type 1 ED in its area.
  // Not type 1 (urgent treatment centres): Wansbeck, North Tyneside, Hexham, Hartlepool, Bishop Auckland, Redcar.
  // Cumbria (Cumberland Infirmary, West Cumberland Hospital) is North West Ambulance Service's area.
  { code: 'RTD02', name: 'Royal Victoria Infirmary', town: 'Newcastle upon Tyne', trust: 'RX6', codeSource: 'ods' },
  { code: 'RTF86', name: 'Northumbria Specialist Emergency Care Hospital', town: 'Cramlington', trust: 'RX6', codeSource: 'ods' },
  { code: 'RR7EN', name: 'Queen Elizabeth Hospital', town: 'Gateshead', trust: 'RX6', codeSource: 'ods' },
  { code: 'R0B01', name: 'Sunderland Royal Hospital', town: 'Sunderland', trust: 'RX6', codeSource: 'ods' },
  // The most seriously ill and injured are taken to Sunderland Royal instead; the ED stays open 24 hours.
  { code: 'south-tyneside-district-hospital', name: 'South Tyneside District Hospital', town: 'South Shields', trust: 'RX6', codeSource: 'slug' },
  { code: 'RXPCP', name: 'University Hospital of North Durham', town: 'Durham', trust: 'RX6', codeSource: 'ods' },
  { code: 'RXPDA', name: 'Darlington Memorial Hospital', town: 'Darlington', trust: 'RX6', codeSource: 'ods' },
  { code: 'RTRAT', name: 'James Cook University Hospital', town: 'Middlesbrough', trust: 'RX6', codeSource: 'ods' },
  { code: 'RVWAE', name: 'University Hospital of North Tees', town: 'Stockton-on-Tees', trust: 'RX6', codeSource: 'ods' },

  // RX7 North West Ambulance Service
  { code: 'RXN02', name: 'Royal Preston Hospital', town: 'Preston', trust: 'RX7', codeSource: 'ods' },
  { code: 'RXR20', name: 'Royal Blackburn Teaching Hospital', town: 'Blackburn', trust: 'RX7', codeSource: 'ods' },
  { code: 'RXL01', name: 'Blackpool Victoria Hospital', town: 'Blackpool', trust: 'RX7', codeSource: 'ods' },
  { code: 'RM301', name: 'Salford Royal Hospital', town: 'Salford', trust: 'RX7', codeSource: 'ods' },
  { code: 'manchester-royal-infirmary', name: 'Manchester Royal Infirmary', town: 'Manchester', trust: 'RX7', codeSource: 'slug' },
  { code: 'RBL14', name: 'Arrowe Park Hospital', town: 'Wirral', trust: 'RX7', codeSource: 'ods' },
  { code: 'RBN01', name: 'Whiston Hospital', town: 'Prescot', trust: 'RX7', codeSource: 'ods' },
  { code: 'RNN62', name: 'Cumberland Infirmary', town: 'Carlisle', trust: 'RX7', codeSource: 'ods' },

  // RX8 Yorkshire Ambulance Service
  { code: 'RR801', name: 'Leeds General Infirmary', town: 'Leeds', trust: 'RX8', codeSource: 'ods' },
  { code: 'RR813', name: "St James's University Hospital", town: 'Leeds', trust: 'RX8', codeSource: 'ods' },
  { code: 'northern-general-hospital', name: 'Northern General Hospital', town: 'Sheffield', trust: 'RX8', codeSource: 'slug' },
  { code: 'RWA01', name: 'Hull Royal Infirmary', town: 'Hull', trust: 'RX8', codeSource: 'ods' },
  { code: 'RCB55', name: 'York Hospital', town: 'York', trust: 'RX8', codeSource: 'ods' },
  { code: 'RXF05', name: 'Pinderfields Hospital', town: 'Wakefield', trust: 'RX8', codeSource: 'ods' },
  { code: 'RP5DR', name: 'Doncaster Royal Infirmary', town: 'Doncaster', trust: 'RX8', codeSource: 'ods' },
  { code: 'RCD01', name: 'Harrogate District Hospital', town: 'Harrogate', trust: 'RX8', codeSource: 'ods' },

  // RX9 East Midlands Ambulance Service
  { code: 'queens-medical-centre', name: "Queen's Medical Centre", town: 'Nottingham', trust: 'RX9', codeSource: 'slug' },
  { code: 'RK5BC', name: "King's Mill Hospital", town: 'Sutton-in-Ashfield', trust: 'RX9', codeSource: 'ods' },
  { code: 'RTGFG', name: 'Royal Derby Hospital', town: 'Derby', trust: 'RX9', codeSource: 'ods' },
  { code: 'RWEAA', name: 'Leicester Royal Infirmary', town: 'Leicester', trust: 'RX9', codeSource: 'ods' },
  { code: 'RNS01', name: 'Northampton General Hospital', town: 'Northampton', trust: 'RX9', codeSource: 'ods' },
  { code: 'RWDDA', name: 'Lincoln County Hospital', town: 'Lincoln', trust: 'RX9', codeSource: 'ods' },
  { code: 'RWDLA', name: 'Pilgrim Hospital', town: 'Boston', trust: 'RX9', codeSource: 'ods' },
  { code: 'RFSDA', name: 'Chesterfield Royal Hospital', town: 'Chesterfield', trust: 'RX9', codeSource: 'ods' },

  // RYA West Midlands Ambulance Service
  { code: 'queen-elizabeth-hospital-birmingham', name: 'Queen Elizabeth Hospital Birmingham', town: 'Birmingham', trust: 'RYA', codeSource: 'slug' },
  { code: 'RRK97', name: 'Heartlands Hospital', town: 'Birmingham', trust: 'RYA', codeSource: 'ods' },
  { code: 'RL403', name: 'New Cross Hospital', town: 'Wolverhampton', trust: 'RYA', codeSource: 'ods' },
  { code: 'RJE01', name: 'Royal Stoke University Hospital', town: 'Stoke-on-Trent', trust: 'RYA', codeSource: 'ods' },
  { code: 'RKB01', name: 'University Hospital Coventry', town: 'Coventry', trust: 'RYA', codeSource: 'ods' },
  { code: 'RNA01', name: 'Russells Hall Hospital', town: 'Dudley', trust: 'RYA', codeSource: 'ods' },
  { code: 'RWP50', name: 'Worcestershire Royal Hospital', town: 'Worcester', trust: 'RYA', codeSource: 'ods' },
  { code: 'RXWAS', name: 'Royal Shrewsbury Hospital', town: 'Shrewsbury', trust: 'RYA', codeSource: 'ods' },

  // RYC East of England Ambulance Service
  { code: 'RGT01', name: "Addenbrooke's Hospital", town: 'Cambridge', trust: 'RYC', codeSource: 'ods' },
  { code: 'RM102', name: 'Norfolk and Norwich University Hospital', town: 'Norwich', trust: 'RYC', codeSource: 'ods' },
  { code: 'RDE03', name: 'Ipswich Hospital', town: 'Ipswich', trust: 'RYC', codeSource: 'ods' },
  { code: 'RDEE4', name: 'Colchester General Hospital', town: 'Colchester', trust: 'RYC', codeSource: 'ods' },
  { code: 'RGN80', name: 'Peterborough City Hospital', town: 'Peterborough', trust: 'RYC', codeSource: 'ods' },
  { code: 'RC971', name: 'Luton and Dunstable University Hospital', town: 'Luton', trust: 'RYC', codeSource: 'ods' },
  { code: 'RWH01', name: 'Lister Hospital', town: 'Stevenage', trust: 'RYC', codeSource: 'ods' },
  { code: 'RAJ01', name: 'Southend University Hospital', town: 'Westcliff-on-Sea', trust: 'RYC', codeSource: 'ods' },

  // RRU London Ambulance Service
  { code: 'R1H12', name: 'Royal London Hospital', town: 'London', trust: 'RRU', codeSource: 'ods' },
  { code: 'RJ122', name: "St Thomas' Hospital", town: 'London', trust: 'RRU', codeSource: 'ods' },
  { code: 'RJZ01', name: "King's College Hospital", town: 'London', trust: 'RRU', codeSource: 'ods' },
  { code: 'RJ701', name: "St George's Hospital", town: 'London', trust: 'RRU', codeSource: 'ods' },
  { code: 'RYJ01', name: "St Mary's Hospital", town: 'London', trust: 'RRU', codeSource: 'ods' },
  { code: 'RRV03', name: 'University College Hospital', town: 'London', trust: 'RRU', codeSource: 'ods' },
  { code: 'RAL01', name: 'Royal Free Hospital', town: 'London', trust: 'RRU', codeSource: 'ods' },
  { code: 'R1K01', name: 'Northwick Park Hospital', town: 'Harrow', trust: 'RRU', codeSource: 'ods' },

  // RYD South East Coast Ambulance Service
  { code: 'royal-sussex-county-hospital', name: 'Royal Sussex County Hospital', town: 'Brighton', trust: 'RYD', codeSource: 'slug' },
  { code: 'RYR18', name: 'Worthing Hospital', town: 'Worthing', trust: 'RYD', codeSource: 'ods' },
  { code: 'RXC01', name: 'Conquest Hospital', town: 'Hastings', trust: 'RYD', codeSource: 'ods' },
  { code: 'RTP04', name: 'East Surrey Hospital', town: 'Redhill', trust: 'RYD', codeSource: 'ods' },
  { code: 'RA201', name: 'Royal Surrey County Hospital', town: 'Guildford', trust: 'RYD', codeSource: 'ods' },
  { code: 'RVV01', name: 'William Harvey Hospital', town: 'Ashford', trust: 'RYD', codeSource: 'ods' },
  { code: 'RPA02', name: 'Medway Maritime Hospital', town: 'Gillingham', trust: 'RYD', codeSource: 'ods' },
  { code: 'RWFTW', name: 'Tunbridge Wells Hospital', town: 'Tunbridge Wells', trust: 'RYD', codeSource: 'ods' },

  // RYE South Central Ambulance Service
  { code: 'RTH08', name: 'John Radcliffe Hospital', town: 'Oxford', trust: 'RYE', codeSource: 'ods' },
  { code: 'RHW01', name: 'Royal Berkshire Hospital', town: 'Reading', trust: 'RYE', codeSource: 'ods' },
  { code: 'RDU50', name: 'Wexham Park Hospital', town: 'Slough', trust: 'RYE', codeSource: 'ods' },
  { code: 'RXQ02', name: 'Stoke Mandeville Hospital', town: 'Aylesbury', trust: 'RYE', codeSource: 'ods' },
  { code: 'RD816', name: 'Milton Keynes University Hospital', town: 'Milton Keynes', trust: 'RYE', codeSource: 'ods' },
  { code: 'RHM01', name: 'Southampton General Hospital', town: 'Southampton', trust: 'RYE', codeSource: 'ods' },
  { code: 'RHU03', name: 'Queen Alexandra Hospital', town: 'Portsmouth', trust: 'RYE', codeSource: 'ods' },
  { code: 'RN506', name: 'Basingstoke and North Hampshire Hospital', town: 'Basingstoke', trust: 'RYE', codeSource: 'ods' },

  // RYF South Western Ambulance Service
  { code: 'bristol-royal-infirmary', name: 'Bristol Royal Infirmary', town: 'Bristol', trust: 'RYF', codeSource: 'slug' },
  { code: 'RTE03', name: 'Gloucestershire Royal Hospital', town: 'Gloucester', trust: 'RYF', codeSource: 'ods' },
  { code: 'RN325', name: 'Great Western Hospital', town: 'Swindon', trust: 'RYF', codeSource: 'ods' },
  { code: 'RD130', name: 'Royal United Hospital', town: 'Bath', trust: 'RYF', codeSource: 'ods' },
  { code: 'RH801', name: 'Royal Devon and Exeter Hospital', town: 'Exeter', trust: 'RYF', codeSource: 'ods' },
  { code: 'RA901', name: 'Torbay Hospital', town: 'Torquay', trust: 'RYF', codeSource: 'ods' },
  { code: 'RK950', name: 'Derriford Hospital', town: 'Plymouth', trust: 'RYF', codeSource: 'ods' },
  { code: 'REF12', name: 'Royal Cornwall Hospital', town: 'Truro', trust: 'RYF', codeSource: 'ods' },

  // R1F Isle of Wight: the island has only one type 1 ED.
  { code: 'R1F01', name: "St Mary's Hospital", town: 'Newport, Isle of Wight', trust: 'R1F', codeSource: 'ods' },
];

const hospitalsByTrust = new Map<TrustCode, Hospital[]>();
for (const hospital of HOSPITALS) {
  const list = hospitalsByTrust.get(hospital.trust) ?? [];
  list.push(hospital);
  hospitalsByTrust.set(hospital.trust, list);
}

/** The type-1 emergency departments of a trust, in the order listed above. */
export function hospitalsOfTrust(trust: TrustCode): readonly Hospital[] {
  return hospitalsByTrust.get(trust) ?? [];
}
