// Classify a metadata value by what it looks like, so a rule can say "key `email` holds an email
// address" without the value ever leaving this function.
import type { MetadataValueKind } from '../../engine/artifacts.js';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const SLASH_DATE = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/;
const SSN = /^\d{3}-\d{2}-\d{4}$/;
const CPF = /^\d{3}\.\d{3}\.\d{3}-\d{2}$/;
const NRIC = /^[STFGM]\d{7}[A-Z]$/i;
const PHONE_SHAPE = /^\+?[\d\s().-]+$/;
const ID_KEY = /(ssn|social|id_?num|id_?number|passport|national|tax_?id|nric|cpf|licen[cs]e|document_?number)/i;
const PHONE_KEY = /(phone|mobile|tel|cell)/i;
const DOB_KEY = /(dob|birth|bday)/i;

function birthYearPlausible(year: number, now: number): boolean {
  const current = new Date(now).getUTCFullYear();
  return year >= 1900 && year <= current - 10;
}

export function classifyMetadata(key: string, rawValue: string, now: number): MetadataValueKind | null {
  const value = rawValue.trim();
  if (value === '') return null;
  if (EMAIL.test(value)) return 'email';
  const iso = ISO_DATE.exec(value);
  const slash = SLASH_DATE.exec(value);
  const year = iso ? Number(iso[1]) : slash ? Number(slash[3]) : null;
  // A recent date (an order date, a timestamp) is not a birth date, nor a phone number.
  if (year !== null) return DOB_KEY.test(key) || birthYearPlausible(year, now) ? 'date_of_birth' : null;
  if (SSN.test(value) || CPF.test(value) || NRIC.test(value)) return 'id_number';
  if (ID_KEY.test(key) && /^[A-Za-z0-9 .-]{5,}$/.test(value) && /\d/.test(value)) return 'id_number';
  const digits = value.replace(/\D/g, '').length;
  if (PHONE_SHAPE.test(value) && digits >= 7 && digits <= 15 && (value.startsWith('+') || PHONE_KEY.test(key) || /[\s().-]/.test(value))) return 'phone';
  return null;
}
