<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- English is the source language: this file only gives English its plural forms. -->
<TS version="2.1" language="en">
<context>
    <name>RecordsWindow</name>
    <message numerus="yes">
        <location filename="../../counsel/ui/records_window.py" line="146"/>
        <source>%Ln record(s)</source>
        <translation>
            <numerusform>%Ln record</numerusform>
            <numerusform>%Ln records</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../counsel/ui/records_window.py"/>
        <source>More than %Ln record(s)</source>
        <translation>
            <numerusform>More than %Ln record</numerusform>
            <numerusform>More than %Ln records</numerusform>
        </translation>
    </message>
</context>
</TS>
