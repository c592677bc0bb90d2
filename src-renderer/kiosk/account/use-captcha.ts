// The kiosk's image captcha, fetched through the kiosk window's API.
import { kioskApi } from '../../platform/kiosk-api.js';
import { useImageCaptcha, type Captcha } from '../../ui/use-image-captcha.js';

const fetchKioskCaptcha = () => kioskApi().invoke('createCaptcha', {});

export function useCaptcha(): Captcha {
  return useImageCaptcha(fetchKioskCaptcha);
}
