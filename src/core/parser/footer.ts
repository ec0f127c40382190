/** Lines that end a task's text (and a table): web page furniture, distribution lists, attachments. */
export const FOOTER =
  /^(扫一扫|附件下载|附件[:：\d]|抄送|抄报|主办单位|主办：|版权所有|网站标识码|网站地图|相关链接|分享到|.*ICP备|.*公网安备|联系电话|纸发\d|（此件|\(此件|打印本页|关闭窗口|【打印】|责任编辑)/;
