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

/** What AliasInput gave, as the server stores it: trimmed, without blanks and repeats. */
export function cleanAliases(aliases: string[] | undefined): string[] {
  return [...new Set((aliases ?? []).map((a) => a.trim()).filter(Boolean))];
}
