// English strings of the renderer's own screens; the shape is checked against zh-CN.
import type { ui as zh } from '../zh-CN/ui.js';

type Shape<T> = { readonly [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };

export const ui: Shape<typeof zh> = {
  app: {
    title: 'CET (College English Test) Registration',
    staffTitle: 'CET Registration: school workstation',
    language: 'Language',
    switchToEnglish: 'English',
    switchToChinese: '中文',
  },
  steps: {
    register: 'Register',
    login: 'Log in',
    qualification: 'Qualification',
    written: 'Written subjects & payment',
    oral: 'Oral subjects & payment',
    done: 'Registered',
  },
  kiosk: {
    welcome: 'Welcome to CET registration',
  },
  staff: {
    welcome: 'Please log in with your school staff account',
  },
};
