import { useEffect } from "react";

const PRODUCT = "法治政府建设督导平台";

/** Names the browser tab after the page, so a user with several tabs open can tell them apart. */
export function useDocumentTitle(page: string | null): void {
  useEffect(() => {
    document.title = page ? `${page} - ${PRODUCT}` : PRODUCT;
  }, [page]);
}
