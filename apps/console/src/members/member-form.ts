import { MemberFields } from '@app/contracts';
import type { Member } from '../api/types';
import { zodFormErrors } from '../shared/form-errors';
import { apiText, formText } from '../shared/form-text';
import type { MemberPatch } from './member-api';

export interface MemberFormValues {
  firstName: string;
  lastName: string;
  phone: string;
  email: string;
  notifySms: boolean;
  notifyEmail: boolean;
  notifyVoice: boolean;
  notifyWhatsapp: boolean;
}

export const toMemberFormValues = (m: Member): MemberFormValues => ({
  firstName: formText(m.firstName),
  lastName: formText(m.lastName),
  phone: formText(m.phone),
  email: formText(m.email),
  notifySms: m.notifySms,
  notifyEmail: m.notifyEmail,
  notifyVoice: m.notifyVoice,
  notifyWhatsapp: m.notifyWhatsapp,
});

export const toMemberPatch = (v: MemberFormValues): MemberPatch => ({
  firstName: apiText(v.firstName),
  lastName: apiText(v.lastName),
  phone: apiText(v.phone),
  email: apiText(v.email),
  notifySms: v.notifySms,
  notifyEmail: v.notifyEmail,
  notifyVoice: v.notifyVoice,
  notifyWhatsapp: v.notifyWhatsapp,
});

/** The API's member schema (libs/contracts) on what the form would send; the phone's format is the server's to judge. */
export const validateMemberForm = (v: MemberFormValues) => zodFormErrors(MemberFields, toMemberPatch(v));
