// An ID number field that shows the number only while it is being typed in, masked otherwise (SPEC K2).
import { Input, type InputProps } from 'antd';
import { useState } from 'react';
import { maskIdNumber } from '../../shared/rules/masking.js';

export function MaskedIdInput({ value, onFocus, onBlur, ...props }: InputProps & { value?: string }) {
  const [typing, setTyping] = useState(false);
  const shown = typing || !value ? value : maskIdNumber(value);
  return (
    <Input
      {...props}
      value={shown}
      autoComplete="off"
      onFocus={(event) => {
        setTyping(true);
        onFocus?.(event);
      }}
      onBlur={(event) => {
        setTyping(false);
        onBlur?.(event);
      }}
    />
  );
}
