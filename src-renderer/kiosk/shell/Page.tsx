// One screen's frame: its heading (focused on arrival, so keyboard and screen-reader users start at the top) and its content.
import { Card, Typography } from 'antd';
import { useEffect, useRef, type ReactNode } from 'react';

export function Page({ title, children, width = 760 }: { title: string; children: ReactNode; width?: number }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
  }, [title]);
  return (
    <Card style={{ maxWidth: width, margin: '24px auto' }}>
      <Typography.Title level={2} ref={heading} tabIndex={-1} style={{ marginTop: 0, outline: 'none' }}>
        {title}
      </Typography.Title>
      {children}
    </Card>
  );
}
