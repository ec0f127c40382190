import { Select, type SelectProps } from "antd";

/** Separators that turn typed or pasted text into separate aliases (a pasted "甲、乙" becomes two). */
const SEPARATORS = [",", "，", "、", ";", "；"];

/** A free list of names typed one by one (Enter adds one); used for unit and group aliases. */
export function AliasInput(props: Pick<SelectProps<string[]>, "value" | "onChange" | "id" | "disabled">) {
  return (
    <Select<string[]>
      {...props}
      mode="tags"
      open={false}
      suffixIcon={null}
      placeholder="输入别名后按回车"
      tokenSeparators={SEPARATORS}
    />
  );
}
