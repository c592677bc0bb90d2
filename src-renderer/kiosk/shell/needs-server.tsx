// The kiosk's online-only actions while the server is away (K3, "no dead buttons"): one answer for every screen, from the host's
// connectivity (useOffline, the same status the header strip shows), so a button is disabled exactly while the strip says 网络未连接
// and comes back by itself when the host hears the server again. Only actions that call the server, or open a screen that loads
// everything it shows from the server, use it; what the offline queue captures (离线登记) and what works locally (返回, 退出, printing a
// page already shown) stay enabled.
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useOffline } from '../../stores/sync-status-store.js';

/** Why an online-only action cannot be used now, or null while the server answers (or before the host has said anything). */
export function useNeedsServer(): string | null {
  const { t } = useTranslation();
  const offline = useOffline();
  return offline ? t('offline.needsServer') : null;
}

/** The reason, said once beside the online-only buttons it disables (a group of them shares one); nothing while online. */
export function NeedsServerNote({ block = false }: { block?: boolean }) {
  const reason = useNeedsServer();
  if (reason === null) return null;
  const note = (
    <Typography.Text type="secondary" data-testid="needs-server">
      {reason}
    </Typography.Text>
  );
  return block ? <div>{note}</div> : note;
}
