// The staff window's login captcha, fetched through the staff endpoints.
import { useImageCaptcha, type Captcha } from '../../ui/use-image-captcha.js';
import { staffCall } from '../shell/staff-api.js';

const fetchStaffCaptcha = () => staffCall('createCaptcha', {});

export function useStaffCaptcha(): Captcha {
  return useImageCaptcha(fetchStaffCaptcha);
}
