// One tab's frame: its heading (left unfocused, so arrow keys keep moving between the tabs) and its content.
import { Typography } from 'antd';
import type { ReactNode } from 'react';

export function Section({ title, extra, children }: { title: string; extra?: ReactNode; children: ReactNode }) {
  return (
    <section>
      <div style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: 12, flexWrap: 'wrap' }}>
        <Typography.Title level={2} style={{ margin: '8px 0 16px', fontSize: 20 }}>
          {title}
        </Typography.Title>
        {extra}
      </div>
      {children}
    </section>
  );
}
